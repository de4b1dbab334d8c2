/**
 * The live monitor: a small HTTP server on Netty's codec that serves one self-contained page and a
 * JSON API over a running render ({@link org.luxnet.bridge.monitor.RenderMonitor} over a {@link
 * org.luxnet.bridge.monitor.RenderControls}), and the read-only status port of a render server
 * ({@link org.luxnet.bridge.monitor.ServerStatusApi}). Routes live in an explicit table; JSON is
 * written and parsed by the package's own strict, bounded {@link org.luxnet.bridge.monitor.JsonWriter}
 * and {@link org.luxnet.bridge.monitor.JsonParser}, since none of the project's libraries does JSON.
 */
package org.luxnet.bridge.monitor;
