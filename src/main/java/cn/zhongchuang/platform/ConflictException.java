package cn.zhongchuang.platform;

/**
 * The request contradicts the current state: a stale version (someone saved first), or a
 * transition the object's life cycle does not allow now. Answered with 409 and a message
 * the user can act on.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
