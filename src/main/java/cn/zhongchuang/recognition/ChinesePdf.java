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

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A4 documents in Chinese for the recognition module (certificates, 推荐函): the text is set
 * in Noto Sans SC, shipped in the jar ({@code fonts/NotoSansSC-Regular.ttf}, SIL OFL 1.1,
 * licence beside it) and embedded as a subset, so the PDF never depends on the fonts of
 * the machine that renders or prints it; the ToUnicode map is built from the characters
 * actually shown, so copied or extracted text reads right.
 */
@Component
class ChinesePdf {

	static final String FONT = "fonts/NotoSansSC-Regular.ttf";

	private volatile byte[] font;

	/** Draws the pages and returns the finished PDF. */
	byte[] render(String title, String subject, Drawing drawing) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDType0Font cjk;
			try (InputStream in = new ByteArrayInputStream(fontBytes())) {
				cjk = PDType0Font.load(doc, in, true);
			}
			Set<Integer> shown = new TreeSet<>();
			Pages pages = new Pages(doc, cjk, shown);
			try {
				drawing.draw(pages);
			}
			finally {
				pages.close();
			}
			doc.getDocumentInformation().setTitle(title);
			doc.getDocumentInformation().setSubject(subject);
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
	 * The response for a rendered PDF: its name (RFC 6266, UTF-8), shown in the browser
	 * ({@code inline}) or downloaded, never cached by shared caches.
	 */
	static org.springframework.http.ResponseEntity<byte[]> response(byte[] pdf, String filename, boolean inline) {
		org.springframework.http.ContentDisposition disposition = (inline
				? org.springframework.http.ContentDisposition.inline()
				: org.springframework.http.ContentDisposition.attachment())
			.filename(filename, StandardCharsets.UTF_8)
			.build();
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
			.body(pdf);
	}

	/** What goes on the pages. */
	@FunctionalInterface
	interface Drawing {

		void draw(Pages pages) throws IOException;

	}

	/** The document being drawn: a new A4 page on demand, text on the current one. */
	static final class Pages {

		private final PDDocument doc;

		private final PDType0Font font;

		private final Set<Integer> shown;

		private PDPageContentStream stream;

		private Text text;

		Pages(PDDocument doc, PDType0Font font, Set<Integer> shown) {
			this.doc = doc;
			this.font = font;
			this.shown = shown;
		}

		/** Starts a new A4 page and returns its text placement. */
		Text newPage() throws IOException {
			close();
			PDPage page = new PDPage(PDRectangle.A4);
			this.doc.addPage(page);
			this.stream = new PDPageContentStream(this.doc, page);
			this.text = new Text(this.stream, this.font, this.shown);
			return this.text;
		}

		float width() {
			return PDRectangle.A4.getWidth();
		}

		float height() {
			return PDRectangle.A4.getHeight();
		}

		void close() throws IOException {
			if (this.stream != null) {
				this.stream.close();
				this.stream = null;
			}
		}

	}

	/** Text placement that remembers every character shown, for the ToUnicode map. */
	record Text(PDPageContentStream stream, PDType0Font font, Set<Integer> shown) {

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

		/**
		 * The lines a paragraph breaks into within {@code maxWidth} (Chinese breaks
		 * between any two characters; the text's own line breaks are kept).
		 */
		List<String> wrap(float size, float maxWidth, String paragraph) throws IOException {
			List<String> lines = new ArrayList<>();
			for (String part : paragraph.replace("\r", "").split("\n", -1)) {
				StringBuilder line = new StringBuilder();
				for (int i = 0; i < part.length();) {
					int cp = part.codePointAt(i);
					String ch = new String(Character.toChars(cp));
					if (line.length() > 0 && widthOf(size, line + ch) > maxWidth) {
						lines.add(line.toString());
						line.setLength(0);
					}
					line.append(ch);
					i += Character.charCount(cp);
				}
				lines.add(line.toString());
			}
			return lines;
		}

		float widthOf(float size, String text) throws IOException {
			return this.font.getStringWidth(text) / 1000 * size;
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
			COSStream stream = doc.getDocument().createCOSStream();
			try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
				o.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
			}
			for (PDPage page : doc.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					if (font instanceof PDType0Font) {
						font.getCOSObject().setItem(COSName.TO_UNICODE, stream);
					}
				}
			}
			doc.save(out);
			return out.toByteArray();
		}
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
