package cn.zhongchuang.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;

/**
 * A small data file an administrator uploads whole (a policy pack, a holiday schedule):
 * present and under its limit, or a Chinese error next to the {@code file} field.
 * Documents and photos go through the attachment module instead, which also checks their
 * type.
 */
public final class SmallUpload {

	private SmallUpload() {
	}

	/**
	 * @param what what the user should have chosen, e.g. “政策包文件”
	 * @param maxBytes the limit; shown to the user in KB or MB
	 */
	public static byte[] read(MultipartFile file, String what, long maxBytes) {
		if (file == null || file.isEmpty()) {
			throw new FieldErrorException("file", "请选择" + what);
		}
		if (file.getSize() > maxBytes) {
			String limit = (maxBytes >= 1024 * 1024) ? (maxBytes / (1024 * 1024)) + " MB" : (maxBytes / 1024) + " KB";
			throw new FieldErrorException("file", "文件过大（上限 " + limit + "）");
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
