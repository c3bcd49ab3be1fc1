package cn.zhongchuang.recognition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The certificate (证书) as an A4 PDF in Chinese. The text is set in Noto Sans SC, shipped
 * in the jar ({@code fonts/NotoSansSC-Regular.ttf}, SIL OFL 1.1, licence beside it) and
 * embedded as a subset: the PDF never depends on the fonts of the machine that renders or
 * prints it.
 */
@Component
class Certificates {

	static final String FONT = "fonts/NotoSansSC-Regular.ttf";

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	private volatile byte[] font;

	Certificates(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Renders the certificate of a recognition.
	 * @param verifyUrl the absolute URL of the verification page for its code
	 */
	byte[] render(Recognition r, String regionName, String policyTitle, String verifyUrl) {
		RecognitionRequest q = r.request();
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDType0Font cjk;
			try (InputStream in = new java.io.ByteArrayInputStream(fontBytes())) {
				cjk = PDType0Font.load(doc, in, true);
			}
			float width = page.getMediaBox().getWidth();
			float height = page.getMediaBox().getHeight();
			try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
				// A double red frame, as on printed certificates.
				c.setStrokingColor(0.78f, 0.06f, 0.18f);
				c.setLineWidth(3f);
				c.addRect(28, 28, width - 56, height - 56);
				c.stroke();
				c.setLineWidth(1f);
				c.addRect(36, 36, width - 72, height - 72);
				c.stroke();
				c.setNonStrokingColor(0.78f, 0.06f, 0.18f);
				centered(c, cjk, 30, width, height - 130, "孵化载体认定证书");
				c.setNonStrokingColor(0f, 0f, 0f);
				centered(c, cjk, 12, width, height - 160, "证书编号：" + r.number());
				centered(c, cjk, 22, width, height - 240, q.institutionName());
				String kind = label("rec.kind." + q.kind());
				if (q.specialization() != null && !q.specialization().isBlank()) {
					kind = kind + "（" + label("enum." + q.specialization()) + "）";
				}
				centered(c, cjk, 14, width, height - 285, "经审核，被认定为" + label("rec.level." + q.level()) + kind + "。");
				float y = height - 360;
				float x = 110;
				y = line(c, cjk, x, y, "运营机构", q.operatorName());
				y = line(c, cjk, x, y, "统一社会信用代码", q.creditCode());
				y = line(c, cjk, x, y, "载体类型", kind);
				y = line(c, cjk, x, y, "认定级别", label("rec.level." + q.level()));
				y = line(c, cjk, x, y, "所在地区", regionName);
				y = line(c, cjk, x, y, "认定依据", "《" + policyTitle + "》");
				y = line(c, cjk, x, y, "认定日期", ZhDates.format(q.recognizedOn()));
				line(c, cjk, x, y, "认定机关", q.issuingAuthority());
				c.beginText();
				c.setFont(cjk, 16);
				float authorityWidth = cjk.getStringWidth(q.issuingAuthority()) / 1000 * 16;
				c.newLineAtOffset(width - 110 - authorityWidth, 190);
				c.showText(q.issuingAuthority());
				c.endText();
				String date = ZhDates.format(q.recognizedOn());
				c.beginText();
				c.setFont(cjk, 14);
				c.newLineAtOffset(width - 110 - cjk.getStringWidth(date) / 1000 * 14, 165);
				c.showText(date);
				c.endText();
				c.setNonStrokingColor(0.35f, 0.35f, 0.35f);
				c.beginText();
				c.setFont(cjk, 10);
				c.newLineAtOffset(60, 80);
				c.showText("验证码：" + r.verificationCode());
				c.newLineAtOffset(0, -15);
				c.showText("验证网址：" + verifyUrl);
				c.endText();
			}
			doc.getDocumentInformation().setTitle("孵化载体认定证书 " + r.number());
			doc.getDocumentInformation().setSubject(q.institutionName());
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void centered(PDPageContentStream c, PDType0Font font, float size, float width, float y, String text)
			throws IOException {
		float w = font.getStringWidth(text) / 1000 * size;
		c.beginText();
		c.setFont(font, size);
		c.newLineAtOffset((width - w) / 2, y);
		c.showText(text);
		c.endText();
	}

	private static float line(PDPageContentStream c, PDType0Font font, float x, float y, String label, String value)
			throws IOException {
		c.beginText();
		c.setFont(font, 12);
		c.newLineAtOffset(x, y);
		c.showText(label + "：");
		c.newLineAtOffset(120, 0);
		c.showText(value);
		c.endText();
		return y - 26;
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, ZH);
	}

	private byte[] fontBytes() throws IOException {
		byte[] bytes = this.font;
		if (bytes == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				bytes = in.readAllBytes();
			}
			this.font = bytes;
		}
		return bytes;
	}

}
