package cn.zhongchuang.platform;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code reads back as the text it was made of, and the SVG is an image. */
class QrCodesTests {

	@Test
	void theCodeReadsBackAsTheVerificationUrl() throws Exception {
		String url = "https://zc.example.gov.cn/verify/ABCDEFGHJKMN";
		BitMatrix m = QrCodes.matrix(url);
		int scale = 4;
		int w = m.getWidth() * scale;
		int h = m.getHeight() * scale;
		int[] pixels = new int[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				pixels[y * w + x] = m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
			}
		}
		String read = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
			.getText();
		assertThat(read).isEqualTo(url);
		assertThat(QrCodes.svgDataUri(url)).startsWith("data:image/svg+xml;base64,");
		assertThat(QrCodes.svg(url)).startsWith("<svg").contains("<path d=\"M");
	}

}
