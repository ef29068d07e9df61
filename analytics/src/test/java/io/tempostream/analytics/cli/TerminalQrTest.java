package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

class TerminalQrTest {
    /** Reads the drawing back, module by module, and decodes it as a camera would. */
    @Test
    void theDrawnCodeDecodesToTheAddress() throws Exception {
        String url = "https://192.168.1.23:8443/U1i42PKb9F6yE3OSoMqLOQ/?athlete=demo";
        String[] lines = TerminalQr.draw(url).split("\n");
        int width = lines[0].length();
        boolean[][] dark = new boolean[lines.length * 2][width];
        for (int row = 0; row < lines.length; row++) {
            for (int x = 0; x < width; x++) {
                char c = lines[row].charAt(x);
                dark[2 * row][x] = c == ' ' || c == '▄';
                dark[2 * row + 1][x] = c == ' ' || c == '▀';
            }
        }
        int quiet = 2;
        int size = width - 2 * quiet;
        BitMatrix modules = new BitMatrix(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (dark[y + quiet][x + quiet]) {
                    modules.set(x, y);
                }
            }
        }
        assertEquals(url, new Decoder().decode(modules).getText());
    }
}
