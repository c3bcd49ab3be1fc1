package cn.zhongchuang.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The region tree, read once from the database and kept in memory: it is small (about
 * 3,200 codes), changes by migration only, and scope checks run on every request.
 */
@Service
public class Regions {

	private final JdbcClient jdbc;

	private volatile Tree tree;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> find(String code) {
		return Optional.ofNullable(tree().byCode.get(code));
	}

	/**
	 * The one check of a region code that a request names: {@code VALID} for six digits
	 * of a region in the tree, {@code MALFORMED} for anything but six digits,
	 * {@code UNKNOWN} for six digits of no region. Callers answer it their way (a field
	 * error, 400, 404).
	 */
	public CodeCheck check(String code) {
		if (code == null || !code.matches("\\d{6}")) {
			return CodeCheck.MALFORMED;
		}
		return find(code).isPresent() ? CodeCheck.VALID : CodeCheck.UNKNOWN;
	}

	/** Whether the code is of a region in the tree ({@link #check} is {@code VALID}). */
	public boolean isValid(String code) {
		return check(code) == CodeCheck.VALID;
	}

	/** The outcome of {@link #check}. */
	public enum CodeCheck {

		VALID, MALFORMED, UNKNOWN

	}

	/** The region's name, or the code itself when unknown (never null for display). */
	public String nameOf(String code) {
		return find(code).map(Region::name).orElse(code);
	}

	/**
	 * The science and technology authority of a region by the usual naming: 某某省科学技术厅 for
	 * a province, 某某市（区、县）科学技术局 below it. Only a fallback: a policy pack names its
	 * recognizing authority ({@code authority}, e.g. 北京市朝阳区科学技术委员会), and that name is
	 * used where a pack applies; this rule serves where none does (a recommendation
	 * outcome, a notice drafted below the pack's jurisdiction, a pack that names none).
	 */
	public String scienceAuthorityOf(String code) {
		String name = nameOf(code);
		return code.endsWith("0000") ? name + "科学技术厅" : name + "科学技术局";
	}

	/** Full name from the province down, e.g. 甘肃省 兰州市 城关区. */
	public String fullName(String code) {
		List<Region> path = path(code);
		if (path.isEmpty()) {
			return code;
		}
		if (path.size() == 1) {
			return path.get(0).name();
		}
		return String.join(" ",
				path.stream().filter((r) -> r.level() != Region.Level.NATION).map(Region::name).toList());
	}

	public List<Region> children(String code) {
		return tree().children.getOrDefault(code, List.of());
	}

	/** The chain from the national root down to the region itself. */
	public List<Region> path(String code) {
		List<Region> path = new ArrayList<>();
		Region region = tree().byCode.get(code);
		while (region != null) {
			path.add(region);
			region = (region.parentCode() != null) ? tree().byCode.get(region.parentCode()) : null;
		}
		Collections.reverse(path);
		return path;
	}

	/**
	 * Whether {@code code} lies within {@code scope} (the scope itself or below it): the
	 * rule of 属地化管理 applied to every object a user asks for.
	 */
	public boolean contains(String scope, String code) {
		if (scope == null || code == null) {
			return false;
		}
		Region region = tree().byCode.get(code);
		while (region != null) {
			if (region.code().equals(scope)) {
				return true;
			}
			region = (region.parentCode() != null) ? tree().byCode.get(region.parentCode()) : null;
		}
		return false;
	}

	/**
	 * Every code within the scope, itself included, for SQL {@code IN} / {@code ANY}
	 * filters.
	 */
	public List<String> codesWithin(String scope) {
		List<String> codes = new ArrayList<>();
		collect(scope, codes);
		return codes;
	}

	private void collect(String code, List<String> into) {
		if (!tree().byCode.containsKey(code)) {
			return;
		}
		into.add(code);
		for (Region child : children(code)) {
			collect(child.code(), into);
		}
	}

	/** Regions whose name or code contains the text, at most {@code limit}. */
	public List<Region> search(String text, int limit) {
		String needle = text.strip().toLowerCase(Locale.ROOT);
		if (needle.isEmpty()) {
			return List.of();
		}
		return tree().ordered.stream()
			.filter((r) -> r.code().startsWith(needle) || r.name().contains(needle))
			.limit(limit)
			.toList();
	}

	public int count() {
		return tree().ordered.size();
	}

	private Tree tree() {
		Tree current = this.tree;
		if (current == null) {
			synchronized (this) {
				if (this.tree == null) {
					this.tree = load();
				}
				current = this.tree;
			}
		}
		return current;
	}

	private Tree load() {
		List<Region> all = this.jdbc.sql("SELECT code, name, level, parent_code FROM region ORDER BY code")
			.query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"),
					Region.Level.valueOf(rs.getString("level")), rs.getString("parent_code")))
			.list();
		Map<String, Region> byCode = new HashMap<>();
		Map<String, List<Region>> children = new HashMap<>();
		for (Region region : all) {
			byCode.put(region.code(), region);
			if (region.parentCode() != null) {
				children.computeIfAbsent(region.parentCode(), (k) -> new ArrayList<>()).add(region);
			}
		}
		children.replaceAll((k, v) -> List.copyOf(v));
		return new Tree(List.copyOf(all), Map.copyOf(byCode), Map.copyOf(children));
	}

	private record Tree(List<Region> ordered, Map<String, Region> byCode, Map<String, List<Region>> children) {
	}

}
