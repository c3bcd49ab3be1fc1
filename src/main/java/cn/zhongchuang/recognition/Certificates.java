package cn.zhongchuang.recognition;

import java.util.Locale;

import cn.zhongchuang.platform.QrCodes;
import com.google.zxing.common.BitMatrix;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The certificate (证书) as an A4 PDF in Chinese, set in the embedded Noto Sans SC
 * ({@link ChinesePdf}).
 */
@Component
class Certificates {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	private final ChinesePdf pdf;

	Certificates(MessageSource messages, ChinesePdf pdf) {
		this.messages = messages;
		this.pdf = pdf;
	}

	/**
	 * Renders the certificate of a recognition.
	 * @param basis what the title was granted on: 《the pack's title》, or the
	 * recommendation letter for a title granted on a recommendation
	 * @param verifyUrl the absolute URL of the verification page for its code
	 */
	byte[] render(Recognition r, String regionName, String basis, String verifyUrl) {
		RecognitionRequest q = r.request();
		return this.pdf.render("孵化载体认定证书 " + r.number(), q.institutionName(), (pages) -> {
			ChinesePdf.Text c = pages.newPage();
			float width = pages.width();
			float height = pages.height();
			var stream = c.stream();
			// A double red frame, as on printed certificates.
			stream.setStrokingColor(0.78f, 0.06f, 0.18f);
			stream.setLineWidth(3f);
			stream.addRect(28, 28, width - 56, height - 56);
			stream.stroke();
			stream.setLineWidth(1f);
			stream.addRect(36, 36, width - 72, height - 72);
			stream.stroke();
			stream.setNonStrokingColor(0.78f, 0.06f, 0.18f);
			c.centered(30, width, height - 130, "孵化载体认定证书");
			stream.setNonStrokingColor(0f, 0f, 0f);
			c.centered(12, width, height - 160, "证书编号：" + r.number());
			c.centered(22, width, height - 240, q.institutionName());
			String kind = label("rec.kind." + q.kind());
			if (q.specialization() != null && !q.specialization().isBlank()) {
				kind = kind + "（" + label("enum." + q.specialization()) + "）";
			}
			String level = label("rec.level." + q.level());
			c.centered(14, width, height - 285,
					(r.designation() != null) ? "经审核，被认定为" + r.designation() + "。" : "经审核，被认定为" + level + kind + "。");
			float y = height - 360;
			y = c.line(110, y, "运营机构", q.operatorName());
			y = c.line(110, y, "统一社会信用代码", q.creditCode());
			y = c.line(110, y, "载体类型", kind);
			y = c.line(110, y, "认定级别", level);
			y = c.line(110, y, "所在地区", regionName);
			y = c.line(110, y, "认定依据", basis);
			y = c.line(110, y, "认定日期", ZhDates.format(q.recognizedOn()));
			c.line(110, y, "认定机关", q.issuingAuthority());
			c.right(16, width - 110, 190, q.issuingAuthority());
			c.right(14, width - 110, 165, ZhDates.format(q.recognizedOn()));
			stream.setNonStrokingColor(0.35f, 0.35f, 0.35f);
			c.at(10, 60, 80, "验证码：" + r.verificationCode());
			c.at(10, 60, 65, "验证网址：" + verifyUrl);
			// a QR code of the verification page, bottom left above the code
			BitMatrix qr = QrCodes.matrix(verifyUrl);
			float module = 72f / qr.getWidth();
			stream.setNonStrokingColor(0f, 0f, 0f);
			for (int qy = 0; qy < qr.getHeight(); qy++) {
				for (int qx = 0; qx < qr.getWidth(); qx++) {
					if (qr.get(qx, qy)) {
						stream.addRect(60 + qx * module, 100 + (qr.getHeight() - 1 - qy) * module, module, module);
					}
				}
			}
			stream.fill();
		});
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, ZH);
	}

}
