package cn.zhongchuang.attachment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the owning module accepts for one kind of attachment: which file types, how big,
 * and how many per owner and category.
 *
 * @param allowed the file types accepted (at least one)
 * @param maxBytes largest file, at most {@link #MAX_BYTES}
 * @param maxFiles most live files one owner may have in one category
 */
public record Policy(Set<FileType> allowed, long maxBytes, int maxFiles) {

	/** The hard ceiling of the database store: 20 MB. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;

	public static final Set<FileType> PDF = Collections.unmodifiableSet(EnumSet.of(FileType.PDF));

	public static final Set<FileType> IMAGES = Collections.unmodifiableSet(EnumSet.of(FileType.PNG, FileType.JPEG));

	public static final Set<FileType> OFFICE = Collections.unmodifiableSet(EnumSet.of(FileType.DOCX, FileType.XLSX));

	public Policy {
		if (allowed == null || allowed.isEmpty()) {
			throw new IllegalArgumentException("a policy must allow at least one file type");
		}
		allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
		if (maxBytes < 1 || maxBytes > MAX_BYTES) {
			throw new IllegalArgumentException("maxBytes must be between 1 and " + MAX_BYTES);
		}
		if (maxFiles < 1) {
			throw new IllegalArgumentException("maxFiles must be at least 1");
		}
	}

	/** E.g. {@code Policy.of(Policy.MAX_BYTES, 5, Policy.PDF, Policy.IMAGES)}. */
	@SafeVarargs
	public static Policy of(long maxBytes, int maxFiles, Set<FileType>... groups) {
		EnumSet<FileType> allowed = EnumSet.noneOf(FileType.class);
		for (Set<FileType> group : groups) {
			allowed.addAll(group);
		}
		return new Policy(allowed, maxBytes, maxFiles);
	}

	/**
	 * Application materials: PDF, scans as images, Word and Excel; 20 MB; 10 per
	 * category.
	 */
	public static Policy materials() {
		return of(MAX_BYTES, 10, PDF, IMAGES, OFFICE);
	}

	/**
	 * Photos of events, inspections and rectifications: PNG or JPEG; 10 MB; 20 per
	 * category.
	 */
	public static Policy photos() {
		return of(10L * 1024 * 1024, 20, IMAGES);
	}

	public boolean allows(FileType type) {
		return this.allowed.contains(type);
	}

	/** {@code PDF、PNG、JPEG}, for messages. */
	String allowedNames() {
		return this.allowed.stream().map(FileType::name).collect(Collectors.joining("、"));
	}

	/** {@code 20 MB}, {@code 512 KB} or {@code 1000 字节}, for messages. */
	static String sizeLabel(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " 字节";
	}

}
