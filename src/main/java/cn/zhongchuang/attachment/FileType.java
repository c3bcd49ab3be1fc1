package cn.zhongchuang.attachment;

import java.util.Arrays;

/**
 * The kinds of file the application accepts, as recognised from their bytes. Everything
 * else is refused.
 */
public enum FileType {

	PDF("application/pdf", "pdf", "PDF 文件"),

	PNG("image/png", "png", "PNG 图片"),

	JPEG("image/jpeg", "jpg", "JPEG 图片"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word 文档（DOCX）"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel 表格（XLSX）");

	private final String mediaType;

	private final String extension;

	private final String label;

	FileType(String mediaType, String extension, String label) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.label = label;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/** The usual extension, without the dot. */
	public String extension() {
		return this.extension;
	}

	/** How a clerk would call it, in Chinese. */
	public String label() {
		return this.label;
	}

	/** Images are the only files a browser may show inline. */
	public boolean isImage() {
		return this == PNG || this == JPEG;
	}

	/** Whether a file name's extension is one this type is known by. */
	boolean matchesExtension(String ext) {
		return ext.equalsIgnoreCase(this.extension) || (this == JPEG && ext.equalsIgnoreCase("jpeg"));
	}

	public static FileType ofMediaType(String mediaType) {
		return Arrays.stream(values())
			.filter((t) -> t.mediaType.equals(mediaType))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown media type " + mediaType));
	}

}
