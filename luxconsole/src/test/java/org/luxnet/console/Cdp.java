package org.luxnet.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.luxnet.monitor.JsonException;
import org.luxnet.monitor.JsonParser;
import org.luxnet.monitor.JsonWriter;

/**
 * A minimal Chrome DevTools Protocol client: hand-written JSON commands over java.net.http's
 * WebSocket, each answered by the reply with its id. Events are ignored. Commands for a page go to
 * its session (Target.attachToTarget with flatten). Every wait is bounded.
 */
final class Cdp implements AutoCloseable {
    private static final JsonParser JSON = new JsonParser(64 << 20, 64);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    private Cdp(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to a DevTools WebSocket endpoint, e.g. the browser's {@code ws://127.0.0.1:PORT/devtools/browser/ID}. */
    static Cdp connect(URI endpoint) throws Exception {
        Cdp[] self = new Cdp[1];
        CompletableFuture<Void> ready = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(endpoint, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            ready.join();
                            self[0].received(message);
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket w, Throwable error) {
                        if (self[0] != null) {
                            self[0].failAll(error);
                        }
                    }
                }).get(15, TimeUnit.SECONDS);
        self[0] = new Cdp(ws);
        ready.complete(null);
        return self[0];
    }

    @SuppressWarnings("unchecked")
    private void received(String message) {
        Map<String, Object> m;
        try {
            m = (Map<String, Object>) JSON.parse(message);
        } catch (JsonException e) {
            failAll(new IllegalStateException("DevTools sent malformed JSON: " + e.getMessage()));
            return;
        }
        Object id = m.get("id");
        CompletableFuture<Map<String, Object>> f = id instanceof Long l ? pending.remove(l) : null;
        if (f != null) {
            f.complete(m);
        }
    }

    private void failAll(Throwable t) {
        pending.values().forEach(f -> f.completeExceptionally(t));
    }

    /**
     * Sends a command and waits for its reply.
     *
     * @param session the page session, or null for the browser
     * @return the reply's {@code result}
     * @throws IllegalStateException with DevTools' error message when the command failed
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String session, String method, Map<String, Object> params) throws Exception {
        long id = ids.incrementAndGet();
        JsonWriter w = new JsonWriter().beginObject().name("id").value(id).name("method").value(method);
        if (session != null) {
            w.name("sessionId").value(session);
        }
        write(w.name("params"), params);
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(w.endObject().toString(), true).get(10, TimeUnit.SECONDS);
        Map<String, Object> m = reply.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (m.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + m.get("error"));
        }
        return (Map<String, Object>) m.get("result");
    }

    /** Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value as JSON data. */
    @SuppressWarnings("unchecked")
    Object evaluate(String session, String expression) throws Exception {
        Map<String, Object> r = call(session, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.containsKey("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + r.get("exceptionDetails"));
        }
        return ((Map<String, Object>) r.get("result")).get("value");
    }

    private static void write(JsonWriter w, Object v) {
        if (v instanceof Map<?, ?> m) {
            w.beginObject();
            m.forEach((k, x) -> write(w.name((String) k), x));
            w.endObject();
        } else if (v instanceof List<?> l) {
            w.beginArray();
            l.forEach(x -> write(w, x));
            w.endArray();
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof Boolean b) {
            w.value(b);
        } else if (v instanceof Integer || v instanceof Long) {
            w.value(((Number) v).longValue());
        } else if (v instanceof Number n) {
            w.value(n.doubleValue());
        } else {
            w.nullValue();
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
