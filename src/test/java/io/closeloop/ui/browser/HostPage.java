package io.closeloop.ui.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in CRM record page on another origin (its own port): it frames the sidebar, switches
 * records with postMessage as the embed guide says, and logs what the sidebar tells it. A second
 * path serves a frame for a different origin that tries to drive the sidebar too.
 */
final class HostPage implements AutoCloseable {

    private final HttpServer server;

    HostPage(String host, String sidebarUrl, String closeloopOrigin) {
        try {
            server = HttpServer.create(new InetSocketAddress(0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/record", exchange -> respond(exchange, recordPage(sidebarUrl, closeloopOrigin)));
        server.createContext("/intruder", exchange -> respond(exchange, intruderPage()));
        server.start();
        this.origin = "http://" + host + ":" + server.getAddress().getPort();
    }

    final String origin;

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String recordPage(String sidebarUrl, String closeloop) {
        return """
                <!DOCTYPE html><html><head><title>CRM record</title></head><body>
                <h1>Acme CRM</h1>
                <button id="show-a" type="button">Open record A</button>
                <button id="show-b" type="button">Open record B</button>
                <ol id="log"></ol>
                <iframe id="closeloop" title="Closeloop" width="360" height="640" src="%s"></iframe>
                <script>
                  const frame = document.getElementById('closeloop');
                  const closeloop = '%s';
                  function showRecord(accountId) {
                    frame.contentWindow.postMessage({ type: 'closeloop:record', accountId: accountId }, closeloop);
                  }
                  window.addEventListener('message', (e) => {
                    const li = document.createElement('li');
                    li.textContent = e.origin + ' ' + JSON.stringify(e.data);
                    document.getElementById('log').append(li);
                  });
                  document.getElementById('show-a').onclick = () => showRecord(Number(new URLSearchParams(location.search).get('a')));
                  const intruder = document.createElement('iframe');
                  intruder.id = 'intruder';
                  intruder.title = 'another site';
                  intruder.src = 'http://127.0.0.1:' + location.port + '/intruder' + location.search;
                  document.body.append(intruder);
                  document.getElementById('show-b').onclick = () => showRecord(Number(new URLSearchParams(location.search).get('b')));
                </script></body></html>
                """.formatted(sidebarUrl, closeloop);
    }

    private static String intruderPage() {
        return """
                <!DOCTYPE html><html><body><button id="attack" type="button">attack</button><script>
                  document.getElementById('attack').onclick = () => window.parent.frames[0].postMessage(
                      { type: 'closeloop:record', accountId: Number(new URLSearchParams(location.search).get('a')) }, '*');
                </script></body></html>
                """;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
