package cn.zhongchuang.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes (ZXing): the modules of a code for a PDF to draw, or an SVG image for a page
 * ({@code <img th:src="${qr}">}, allowed by the CSP's {@code img-src data:}).
 */
public final class QrCodes {

	private QrCodes() {
	}

	/** The modules of the code for the text, with a quiet zone of one module. */
	public static BitMatrix matrix(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("text too long for a QR code", ex);
		}
	}

	/** The code as an SVG document, one path of unit squares. */
	public static String svg(String text) {
		BitMatrix m = matrix(text);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

	/** The SVG as a {@code data:} URI for an {@code img}. */
	public static String svgDataUri(String text) {
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
	}

}
