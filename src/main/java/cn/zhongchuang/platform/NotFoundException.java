package cn.zhongchuang.platform;

/**
 * The object does not exist, or the caller may not know that it exists: another region's
 * or another operator's object answers exactly like a missing one (404), so that nothing
 * leaks across scopes.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}

}
