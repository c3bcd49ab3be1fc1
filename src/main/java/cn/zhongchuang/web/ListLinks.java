package cn.zhongchuang.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Links of the list fragment ({@code lists} in every page's model, from
 * {@code LayoutAdvice}): the current list request with some parameters replaced, so that
 * a sort, a page or the export keeps every filter. A new sort or filter goes back to page
 * 1.
 */
public final class ListLinks {

	private static final Set<String> NEVER = Set.of("_csrf", "HX-Request");

	private final HttpServletRequest request;

	private final String path;

	private final boolean keep;

	ListLinks(HttpServletRequest request) {
		this(request, request.getRequestURI(), true);
	}

	private ListLinks(HttpServletRequest request, String path, boolean keep) {
		this.request = request;
		this.path = path;
		this.keep = keep;
	}

	/**
	 * The links of the list at {@code path} drawn by another request (a form under the
	 * list, an htmx save answering the refreshed list): the request's filters only when
	 * it is a GET of the list itself, else the list unfiltered (never a form's fields).
	 */
	public ListLinks at(String path) {
		boolean own = "GET".equals(this.request.getMethod()) && path.equals(this.request.getRequestURI());
		return new ListLinks(this.request, path, this.keep && own);
	}

	/** The current path and query with {@code key, value, key, value …} replaced. */
	public String with(String... keyValues) {
		Map<String, List<String>> params = current();
		for (int i = 0; i + 1 < keyValues.length; i += 2) {
			params.put(keyValues[i], List.of(keyValues[i + 1]));
		}
		if (!contains(keyValues, "page")) {
			params.remove("page");
		}
		return build(this.path, params);
	}

	/** The export of the list as it is filtered and sorted: every page. */
	public String export(String path) {
		Map<String, List<String>> params = current();
		params.remove("page");
		params.remove("size");
		return build(path, params);
	}

	/**
	 * The current parameters but {@code except}, as hidden fields of the page-jump form.
	 */
	public List<Map.Entry<String, String>> hidden(String... except) {
		Map<String, List<String>> params = current();
		for (String name : except) {
			params.remove(name);
		}
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		params.forEach((name, values) -> values.forEach((value) -> fields.add(Map.entry(name, value))));
		return fields;
	}

	public String path() {
		return this.path;
	}

	private static boolean contains(String[] keyValues, String key) {
		for (int i = 0; i < keyValues.length; i += 2) {
			if (keyValues[i].equals(key)) {
				return true;
			}
		}
		return false;
	}

	private Map<String, List<String>> current() {
		Map<String, List<String>> params = new LinkedHashMap<>();
		if (!this.keep) {
			return params;
		}
		this.request.getParameterMap().forEach((name, values) -> {
			List<String> kept = new ArrayList<>();
			for (String value : values) {
				if (value != null && !value.isEmpty()) {
					kept.add(value);
				}
			}
			if (!kept.isEmpty() && !NEVER.contains(name)) {
				params.put(name, kept);
			}
		});
		return params;
	}

	private static String build(String path, Map<String, List<String>> params) {
		StringJoiner query = new StringJoiner("&");
		params.forEach(
				(name, values) -> values.forEach((value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
						+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return (query.length() == 0) ? path : path + "?" + query;
	}

}
