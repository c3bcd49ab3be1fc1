package cn.zhongchuang.platform;

/**
 * The object does not exist, or the caller may not know that it exists: another region's
 * or another operator's object answers exactly like a missing one (404), so that nothing
 * leaks across scopes.
 */
public class NotFoundException extends RuntimeException {

	private final String publicDetail;

	public NotFoundException(String what) {
		this(what, null);
	}

	/**
	 * @param publicDetail what the caller may be told (in Chinese), for things that are
	 * public anyway such as an unknown policy; never for scoped objects
	 */
	public NotFoundException(String what, String publicDetail) {
		super(what);
		this.publicDetail = publicDetail;
	}

	public String publicDetail() {
		return this.publicDetail;
	}

}
