package org.huitong.connectors.sources.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.huitong.identifiers.SyntheticIds;
import org.huitong.testsupport.LicenceFiles;

/**
 * A department's licence API for tests, on 127.0.0.1: {@code /pages?page=&size=},
 * {@code /offsets?offset=&limit=}, {@code /cursor?cursor=} (bearer token required),
 * {@code /redirect} (to a host that is not allowed) and {@code /busy} (429 once, then the records).
 */
final class LicenceApi implements AutoCloseable {

    static final String TOKEN = "token-for-tests";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final int base;
    private final int total;
    private final AtomicInteger busyCalls = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();

    private LicenceApi(int port, int base, int total) throws IOException {
        this.base = base;
        this.total = total;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/pages", exchange -> page(exchange, "page", "size", true));
        server.createContext("/offsets", exchange -> page(exchange, "offset", "limit", false));
        server.createContext("/cursor", this::cursor);
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port() + "/pages");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/busy", exchange -> {
            if (busyCalls.getAndIncrement() == 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
                exchange.close();
            } else {
                respond(exchange, records(1, total));
            }
        });
        server.start();
    }

    /**
     * Starts the API on a port (0 for any free one) serving {@code total} licences numbered from
     * {@code base + 1}; tests use their own numbers because the hub publishes a licence only once.
     */
    static LicenceApi start(int port, int base, int total) {
        try {
            return new LicenceApi(port, base, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** One licence record as the department's API returns it, numbered like {@link LicenceFiles}. */
    static ObjectNode licence(int number) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("行政相对人名称", "兰州测试商贸有限公司" + number);
        values.put("行政相对人类别", "法人及非法人组织");
        values.put("统一社会信用代码", SyntheticIds.uscc(number));
        values.put("法定代表人", "张三");
        values.put("行政许可决定文书名称", "食品经营许可决定书");
        values.put("行政许可决定文书号", LicenceFiles.decisionNumber(number));
        values.put("许可类别", "普通");
        values.put("许可内容", "食品经营许可");
        values.put("许可决定日期", "2024-03-05");
        values.put("有效期自", "2024-03-05");
        values.put("有效期至", "2029-03-04");
        values.put("许可机关", "兰州市市场监督管理局");
        values.put("许可机关统一社会信用代码", LicenceFiles.AUTHORITY);
        values.put("当前状态", "1");
        values.put("数据来源单位", "兰州市市场监督管理局");
        values.put("数据来源单位统一社会信用代码", LicenceFiles.AUTHORITY);
        ObjectNode record = JSON.createObjectNode();
        values.forEach(record::put);
        return record;
    }

    private ArrayNode records(int first, int last) {
        ArrayNode items = JSON.createArrayNode();
        for (int number = first; number <= last; number++) {
            items.add(licence(base + number));
        }
        return items;
    }

    private void page(HttpExchange exchange, String positionName, String sizeName, boolean pageNumbers)
            throws IOException {
        requests.incrementAndGet();
        Map<String, String> query = query(exchange);
        int size = Integer.parseInt(query.getOrDefault(sizeName, "100"));
        int position = Integer.parseInt(query.getOrDefault(positionName, pageNumbers ? "1" : "0"));
        int first = pageNumbers ? (position - 1) * size + 1 : position + 1;
        ObjectNode body = JSON.createObjectNode();
        body.set("data", records(first, Math.min(total, first + size - 1)));
        respond(exchange, body);
    }

    private void cursor(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        int first = Integer.parseInt(query(exchange).getOrDefault("cursor", "1"));
        int last = Math.min(total, first + 1);
        ObjectNode body = JSON.createObjectNode();
        body.set("items", records(first, last));
        body.put("next", last < total ? String.valueOf(last + 1) : null);
        respond(exchange, body);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
