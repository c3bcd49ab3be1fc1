package cn.zhongchuang.recognition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
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
			try (InputStream in = new ByteArrayInputStream(fontBytes())) {
				cjk = PDType0Font.load(doc, in, true);
			}
			float width = page.getMediaBox().getWidth();
			float height = page.getMediaBox().getHeight();
			Set<Integer> shown = new TreeSet<>();
			try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
				Text c = new Text(stream, cjk, shown);
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
				c.centered(14, width, height - 285, "经审核，被认定为" + level + kind + "。");
				float y = height - 360;
				y = c.line(110, y, "运营机构", q.operatorName());
				y = c.line(110, y, "统一社会信用代码", q.creditCode());
				y = c.line(110, y, "载体类型", kind);
				y = c.line(110, y, "认定级别", level);
				y = c.line(110, y, "所在地区", regionName);
				y = c.line(110, y, "认定依据", "《" + policyTitle + "》");
				y = c.line(110, y, "认定日期", ZhDates.format(q.recognizedOn()));
				c.line(110, y, "认定机关", q.issuingAuthority());
				c.right(16, width - 110, 190, q.issuingAuthority());
				c.right(14, width - 110, 165, ZhDates.format(q.recognizedOn()));
				stream.setNonStrokingColor(0.35f, 0.35f, 0.35f);
				c.at(10, 60, 80, "验证码：" + r.verificationCode());
				c.at(10, 60, 65, "验证网址：" + verifyUrl);
			}
			doc.getDocumentInformation().setTitle("孵化载体认定证书 " + r.number());
			doc.getDocumentInformation().setSubject(q.institutionName());
			Map<Integer, Integer> toUnicode = new TreeMap<>();
			for (int cp : shown) {
				byte[] code = cjk.encode(new String(Character.toChars(cp)));
				toUnicode.put(((code[0] & 0xff) << 8) | (code[1] & 0xff), cp);
			}
			doc.save(out);
			return withToUnicode(out.toByteArray(), toUnicode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces the font's ToUnicode map with one built from the characters actually
	 * shown. The one PDFBox derives from the font's cmap maps glyphs that a CJK radical
	 * shares with an ideograph (⻩ and 黄) to the radical, so extracted or copied text
	 * would read wrong.
	 */
	private static byte[] withToUnicode(byte[] pdf, Map<Integer, Integer> toUnicode) throws IOException {
		StringBuilder cmap = new StringBuilder();
		cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
			.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
			.append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
			.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
		List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(toUnicode.entrySet());
		for (int i = 0; i < entries.size(); i += 100) {
			List<Map.Entry<Integer, Integer>> block = entries.subList(i, Math.min(i + 100, entries.size()));
			cmap.append(block.size()).append(" beginbfchar\n");
			for (Map.Entry<Integer, Integer> e : block) {
				StringBuilder utf16 = new StringBuilder();
				for (char ch : Character.toChars(e.getValue())) {
					utf16.append(String.format("%04X", (int) ch));
				}
				cmap.append(String.format("<%04X> <%s>%n", e.getKey(), utf16));
			}
			cmap.append("endbfchar\n");
		}
		cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
		try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = doc.getPage(0);
			for (COSName name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				if (font instanceof PDType0Font) {
					COSStream stream = doc.getDocument().createCOSStream();
					try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
						o.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
					}
					font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
				}
			}
			doc.save(out);
			return out.toByteArray();
		}
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

	/** Text placement that remembers every character shown, for the ToUnicode map. */
	private record Text(PDPageContentStream stream, PDType0Font font, Set<Integer> shown) {

		void at(float size, float x, float y, String text) throws IOException {
			this.stream.beginText();
			this.stream.setFont(this.font, size);
			this.stream.newLineAtOffset(x, y);
			this.stream.showText(text);
			this.stream.endText();
			text.codePoints().forEach(this.shown::add);
		}

		void centered(float size, float width, float y, String text) throws IOException {
			at(size, (width - widthOf(size, text)) / 2, y, text);
		}

		void right(float size, float rightEdge, float y, String text) throws IOException {
			at(size, rightEdge - widthOf(size, text), y, text);
		}

		float line(float x, float y, String label, String value) throws IOException {
			at(12, x, y, label + "：");
			at(12, x + 120, y, value);
			return y - 26;
		}

		private float widthOf(float size, String text) throws IOException {
			return this.font.getStringWidth(text) / 1000 * size;
		}

	}

}
