package org.luxnet.monitor;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns each aggregated HTTP request into an {@link ApiRequest}, dispatches it through the {@link
 * Routes} on the route executor (so that encoding an image never stalls the event loop) and writes
 * the answer; every failure becomes a JSON error response, never an exception that escapes.
 * Malformed HTTP gets its 4xx and the connection is closed, since the stream position is unknown
 * after it. Responses leave in the order the requests came, as HTTP/1.1 requires: the executor has
 * one thread and even error answers queue behind the requests before them.
 */
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = Logger.getLogger(HttpApiHandler.class.getName());
    /** Query parameters parsed at most; more is an error, not a cost. */
    static final int MAX_PARAMS = 16;

    private final Routes routes;
    private final boolean loopbackOnly;
    private final Executor routeExecutor;

    HttpApiHandler(Routes routes, boolean loopbackOnly, Executor routeExecutor) {
        this.routes = routes;
        this.loopbackOnly = loopbackOnly;
        this.routeExecutor = routeExecutor;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean close = !HttpUtil.isKeepAlive(req) || req.decoderResult().isFailure();
        Supplier<ApiResponse> answer;
        if (req.decoderResult().isFailure()) {
            ApiResponse r = decoderError(req.decoderResult().cause()).response();
            answer = () -> r;
        } else {
            // The request is released when this method returns: take what the route needs now.
            String method = req.method().name(), uri = req.uri();
            try {
                RequestGuard.check(method, req.headers().get(HttpHeaderNames.HOST),
                        req.headers().get(HttpHeaderNames.ORIGIN), loopbackOnly);
                ApiRequest api = request(method, req);
                answer = () -> dispatch(api, uri);
            } catch (ApiException e) {
                ApiResponse r = e.response();
                answer = () -> r;
            }
        }
        Supplier<ApiResponse> a = answer;
        try {
            routeExecutor.execute(() -> write(ctx, a.get(), close));
        } catch (RejectedExecutionException e) {
            write(ctx, new ApiException(503, "the monitor is busy or shutting down").response(), true);
        }
    }

    private ApiResponse dispatch(ApiRequest api, String uri) {
        try {
            return routes.dispatch(api);
        } catch (ApiException e) {
            return e.response();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "monitor request " + api.method() + " " + uri + " failed", e);
            return new ApiException(500, "internal error: " + e).response();
        }
    }

    private static ApiRequest request(String method, FullHttpRequest req) throws ApiException {
        QueryStringDecoder q = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8, true, MAX_PARAMS + 1);
        String path;
        Map<String, List<String>> params;
        try {
            path = q.path();
            params = q.parameters();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "malformed request target: " + e.getMessage());
        }
        if (params.size() > MAX_PARAMS) {
            throw new ApiException(400, "too many query parameters; at most " + MAX_PARAMS + " are accepted");
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().size() != 1) {
                throw new ApiException(400, "query parameter '" + e.getKey() + "' is given " + e.getValue().size()
                        + " times; give it once");
            }
            query.put(e.getKey(), e.getValue().get(0));
        }
        return new ApiRequest(method, path, query, ByteBufUtil.getBytes(req.content()),
                req.headers().get(ActionToken.HEADER));
    }

    private static ApiException decoderError(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new ApiException(414, "the request line is too long");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new ApiException(431, "the request headers are too large");
        }
        if (cause instanceof TooLongFrameException) {
            return new ApiException(413, "the request is too large");
        }
        return new ApiException(400, "malformed HTTP request: " + cause.getMessage());
    }

    /** Writes {@code r}, closing the connection afterwards when {@code close}. */
    static void write(ChannelHandlerContext ctx, ApiResponse r, boolean close) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff");
        r.headers().forEach(res.headers()::set);
        if (close) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(res);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof ReadTimeoutException || cause instanceof IOException)) {
            LOG.log(Level.FINE, "monitor connection failed", cause);
        }
        ctx.close();
    }
}
