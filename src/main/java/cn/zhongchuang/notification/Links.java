package cn.zhongchuang.notification;

import java.net.URI;
import java.net.URISyntaxException;

import cn.zhongchuang.platform.FieldErrorException;

/**
 * The open-redirect guard: a notification links only to a path inside this application
 * ({@code /applications/42}), never to another host, scheme or protocol-relative URL.
 */
final class Links {

	static final int MAX_LENGTH = 500;

	private Links() {
	}

	static boolean isInApp(String link) {
		if (link == null || link.isEmpty() || link.length() > MAX_LENGTH || !link.startsWith("/")
				|| link.startsWith("//") || link.contains("\\")) {
			return false;
		}
		if (link.chars().anyMatch((c) -> c < 0x21 || c == 0x7f)) {
			return false;
		}
		try {
			URI uri = new URI(link);
			return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
					&& uri.getRawPath().startsWith("/");
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Null or blank means no link; anything else must be an in-app path (field
	 * {@code link}).
	 */
	static String check(String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		if (!isInApp(link)) {
			throw new FieldErrorException("link", "链接必须是本系统内以 / 开头的相对路径，不能是外部网址");
		}
		return link;
	}

}
