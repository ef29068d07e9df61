package io.tempostream.analytics.cli;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * A QR code drawn with block characters, two module rows to a line, for a phone's camera to read
 * off the terminal. Light modules are the blocks (the terminal's text colour), dark ones the
 * background: right on the dark terminals most people use, as `qrencode -t UTF8` draws them.
 */
final class TerminalQr {
    /** Light modules around the code: cameras find it by its edge. */
    private static final int QUIET = 2;

    private TerminalQr() {
    }

    static String draw(String text) {
        QRCode code;
        try {
            code = Encoder.encode(text, ErrorCorrectionLevel.L);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of '" + text + "': " + e.getMessage(), e);
        }
        ByteMatrix modules = code.getMatrix();
        int size = modules.getWidth();
        StringBuilder out = new StringBuilder();
        for (int y = -QUIET; y < size + QUIET; y += 2) {
            for (int x = -QUIET; x < size + QUIET; x++) {
                boolean top = light(modules, x, y);
                boolean bottom = light(modules, x, y + 1);
                out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean light(ByteMatrix modules, int x, int y) {
        int size = modules.getWidth();
        return x < 0 || y < 0 || x >= size || y >= size || modules.get(x, y) != 1;
    }
}
