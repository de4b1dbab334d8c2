/**
 * The live monitor: a small HTTP server on Netty's codec that serves one self-contained page and a
 * JSON API over a running render ({@link org.luxnet.monitor.RenderMonitor} over a {@link
 * org.luxnet.monitor.RenderControls}). Routes live in an explicit table; JSON is written by the
 * package's own strict {@link org.luxnet.monitor.JsonWriter}
 * and {@link org.luxnet.monitor.JsonParser} (jackson-core streaming, with read constraints). The module
 * needs nothing from client-bridge: a render server's status port (client-bridge's ServerStatusApi)
 * serves its routes through {@link org.luxnet.monitor.MonitorServer}.
 */
package org.luxnet.monitor;
