package cn.zhongchuang.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Decides what a file is from its bytes alone: PDF ({@code %PDF-}), PNG, JPEG, or an
 * Office Open XML document (a ZIP with {@code [Content_Types].xml} declaring a Word or
 * Excel main part). Anything else is refused, named when recognisable (an executable, a
 * script, a web page, an SVG, another archive).
 * <p>
 * A ZIP is inflated entry by entry, counting real bytes rather than trusting its headers,
 * and refused as a zip bomb beyond {@value #MAX_ENTRIES} entries, {@value #MAX_INFLATED}
 * bytes in all, or an entry inflating more than {@value #MAX_RATIO} times its compressed
 * size. Nothing is extracted to disk and no XML is parsed (so neither zip-slip nor XXE
 * can arise); entries with a path that would climb out of the archive are refused all the
 * same.
 */
final class ContentInspector {

	static final int MAX_ENTRIES = 1000;

	static final long MAX_INFLATED = 200L * 1024 * 1024;

	static final int MAX_RATIO = 100;

	/** Small entries may compress very well without being a bomb. */
	static final long RATIO_GRACE = 1024 * 1024;

	static final int MAX_CONTENT_TYPES = 256 * 1024;

	private static final int HEADER = 1024;

	private static final String WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

	private static final String EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

	private ContentInspector() {
	}

	/** What the file is, or why it is refused. */
	record Verdict(FileType type, String refusal) {

		static Verdict is(FileType type) {
			return new Verdict(type, null);
		}

		/** A refusal reading "检测为 " + {@code what}. */
		static Verdict detected(String what) {
			return new Verdict(null, "文件类型不允许：检测为 " + what);
		}

		static Verdict refused(String message) {
			return new Verdict(null, message);
		}

	}

	static Verdict inspect(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(HEADER);
		}
		if (startsWith(head, "%PDF-")) {
			return Verdict.is(FileType.PDF);
		}
		if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && head.length >= 16
				&& new String(head, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
			return Verdict.is(FileType.PNG);
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return Verdict.is(FileType.JPEG);
		}
		if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
			return inspectZip(file);
		}
		return Verdict.detected(describe(head));
	}

	/** Names what the refused bytes look like, for the message. */
	static String describe(byte[] head) {
		if (startsWith(head, 'M', 'Z')) {
			return "Windows 可执行文件";
		}
		if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
			return "Linux 可执行文件（ELF）";
		}
		if (startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE)) {
			return "Java 类文件或 macOS 可执行文件";
		}
		if (startsWith(head, 0xFE, 0xED, 0xFA) || startsWith(head, 0xCF, 0xFA, 0xED, 0xFE)
				|| startsWith(head, 0xCE, 0xFA, 0xED, 0xFE)) {
			return "macOS 可执行文件";
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return "旧版 Office 或加密的 Office 文档（请另存为 DOCX/XLSX 或 PDF）";
		}
		if (startsWith(head, 'R', 'a', 'r', '!') || startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)
				|| startsWith(head, 0x1F, 0x8B) || startsWith(head, 'P', 'K')) {
			return "压缩包";
		}
		if (startsWith(head, 'G', 'I', 'F', '8')) {
			return "GIF 图片";
		}
		if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
				&& new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
			return "WebP 图片";
		}
		if (startsWith(head, '{', '\\', 'r', 't', 'f')) {
			return "RTF 文档";
		}
		String text = leadingText(head);
		if (text.startsWith("#!")) {
			return "脚本";
		}
		if (text.startsWith("<?php")) {
			return "PHP 脚本";
		}
		if (text.contains("<svg")) {
			return "SVG 图像（可含脚本）";
		}
		if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.contains("<script")
				|| text.contains("<body") || text.contains("<iframe")) {
			return "HTML 网页";
		}
		if (text.startsWith("<?xml")) {
			return "XML 文档";
		}
		if (isText(head)) {
			return "纯文本文件";
		}
		return "未知格式";
	}

	private static Verdict inspectZip(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				return Verdict.refused("Office 文档异常：压缩包条目超过 " + MAX_ENTRIES + " 个，疑似压缩炸弹");
			}
			Set<String> names = new HashSet<>();
			boolean word = false;
			boolean excel = false;
			boolean macros = false;
			byte[] contentTypes = null;
			long inflated = 0;
			byte[] buffer = new byte[64 * 1024];
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				if (!names.add(name)) {
					return Verdict.refused("Office 文档异常：压缩包内有重复的条目");
				}
				if (climbsOut(name)) {
					return Verdict.refused("Office 文档异常：压缩包内有越出目录的路径");
				}
				word |= name.startsWith("word/");
				excel |= name.startsWith("xl/");
				macros |= name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin");
				boolean isContentTypes = name.equals("[Content_Types].xml");
				long compressed = Math.max(entry.getCompressedSize(), 1);
				long entryBytes = 0;
				java.io.ByteArrayOutputStream keep = isContentTypes ? new java.io.ByteArrayOutputStream() : null;
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) != -1) {
						entryBytes += n;
						inflated += n;
						if (inflated > MAX_INFLATED) {
							return Verdict.refused("Office 文档异常：解压后超过 " + Policy.sizeLabel(MAX_INFLATED) + "，疑似压缩炸弹");
						}
						if (entryBytes > RATIO_GRACE && entryBytes > compressed * MAX_RATIO) {
							return Verdict.refused("Office 文档异常：压缩比超过 " + MAX_RATIO + " 倍，疑似压缩炸弹");
						}
						if (keep != null) {
							if (entryBytes > MAX_CONTENT_TYPES) {
								return Verdict.refused("Office 文档异常：[Content_Types].xml 过大");
							}
							keep.write(buffer, 0, n);
						}
					}
				}
				if (keep != null) {
					contentTypes = keep.toByteArray();
				}
			}
			return office(contentTypes, word, excel, macros);
		}
		catch (IOException | IllegalArgumentException ex) {
			// ZipException (a subclass), truncated data, encrypted entries, malformed
			// names
			return Verdict.refused("文件已损坏：压缩包无法读取");
		}
	}

	private static Verdict office(byte[] contentTypes, boolean word, boolean excel, boolean macros) {
		if (contentTypes == null || (!word && !excel)) {
			return Verdict.detected("压缩包（不是 Word 或 Excel 文档）");
		}
		if (macros) {
			return Verdict.detected("含宏的 Office 文档");
		}
		// Read as text, not parsed as XML: a declared entity cannot be expanded here.
		String declared = new String(contentTypes, StandardCharsets.UTF_8);
		if (word && !excel && declared.contains(WORD_MAIN)) {
			return Verdict.is(FileType.DOCX);
		}
		if (excel && !word && declared.contains(EXCEL_MAIN)) {
			return Verdict.is(FileType.XLSX);
		}
		return Verdict.detected("无法识别的 Office 文档（只接受 DOCX 和 XLSX）");
	}

	private static boolean climbsOut(String name) {
		String n = name.replace('\\', '/');
		return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || Arrays.asList(n.split("/")).contains("..");
	}

	private static String leadingText(byte[] head) {
		int from = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
		return new String(head, from, head.length - from, StandardCharsets.UTF_8).stripLeading()
			.toLowerCase(Locale.ROOT);
	}

	private static boolean isText(byte[] head) {
		for (byte b : head) {
			int c = b & 0xFF;
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
				return false;
			}
		}
		return head.length > 0;
	}

	private static boolean startsWith(byte[] bytes, String ascii) {
		return startsWith(bytes, ascii.chars().toArray());
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
