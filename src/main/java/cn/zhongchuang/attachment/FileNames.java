package cn.zhongchuang.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names from the outside world. An uploaded name is never used to store anything
 * (keys are UUIDs); it is kept only as a display name, made harmless here, and sent back
 * in {@code Content-Disposition} per RFC 6266.
 */
final class FileNames {

	static final String UNNAMED = "未命名文件";

	/** In Unicode code points, so a Chinese name may have as many characters. */
	static final int MAX_LENGTH = 100;

	private static final int MAX_EXTENSION = 10;

	private static final String RFC5987_ATTR_CHARS = "!#$&+-.^_`|~";

	private FileNames() {
	}

	/**
	 * The last segment of a path in either convention ({@code /} or {@code \}), without
	 * control or invisible formatting characters (a right-to-left override can make
	 * {@code exe.pdf} read as {@code fdp.exe}), without {@code ..} or leading dots,
	 * characters Windows forbids replaced, at most {@value #MAX_LENGTH} characters with
	 * the extension kept. Chinese stays as it is.
	 */
	static String sanitize(String original) {
		if (original == null) {
			return UNNAMED;
		}
		String name = Normalizer.normalize(original, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints().forEach((cp) -> {
			switch (Character.getType(cp)) {
				case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
						Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED ->
					{
				}
				default -> {
					if ("<>:\"|?*／＼∕".indexOf(cp) >= 0) {
						clean.append('_');
					}
					else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
						clean.append(' ');
					}
					else {
						clean.appendCodePoint(cp);
					}
				}
			}
		});
		name = clean.toString().replaceAll(" {2,}", " ").replaceAll("\\.{2,}", ".");
		name = name.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
		if (name.isEmpty()) {
			return UNNAMED;
		}
		return truncate(name);
	}

	private static String truncate(String name) {
		if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
			return name;
		}
		String ext = extension(name);
		String suffix = (ext.isEmpty() || ext.length() > MAX_EXTENSION) ? "" : "." + ext;
		String stem = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
		int keep = MAX_LENGTH - suffix.length();
		return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + suffix;
	}

	/** The extension without the dot, or empty. */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot + 1) : "";
	}

	/**
	 * The display name, with the extension of the detected type appended when the name
	 * says otherwise: a PNG uploaded as {@code page.html} downloads as
	 * {@code page.html.png}, so no desktop opens it as a web page.
	 */
	static String downloadName(AttachmentRef ref) {
		FileType type = ref.type();
		String name = ref.displayName();
		return type.matchesExtension(extension(name)) ? name : name + "." + type.extension();
	}

	/**
	 * The {@code filename="…"} fallback for clients without RFC 5987: printable ASCII
	 * only, each run of anything else (Chinese, quotes, backslashes, percent signs) one
	 * underscore; when nothing readable is left, {@code attachment-<id>.<ext>}.
	 */
	static String asciiFallback(String name, long id, FileType type) {
		String ext = extension(name);
		String stem = (ext.isEmpty()) ? name : name.substring(0, name.length() - ext.length() - 1);
		stem = stem.replaceAll("[^\\x20-\\x7E]+|[\"\\\\%]+", "_").replaceAll("^[_ .]+|[_ .]+$", "");
		if (!stem.matches(".*[A-Za-z0-9].*")) {
			stem = "attachment-" + id;
		}
		return stem + "." + type.extension();
	}

	/** RFC 5987 {@code value-chars}: UTF-8, percent-encoded except attr-char. */
	static String percentEncode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
					|| RFC5987_ATTR_CHARS.indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return out.toString();
	}

	/**
	 * {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266
	 * §4.3: the fallback first, the precise name second).
	 */
	static String contentDisposition(boolean inline, String name, long id, FileType type) {
		return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name, id, type)
				+ "\"; filename*=UTF-8''" + percentEncode(name);
	}

}
