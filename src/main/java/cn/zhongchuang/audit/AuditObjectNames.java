package cn.zhongchuang.audit;

import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How the audit page names the objects of one type (对象): the module that owns the type
 * declares a bean, so the trail stays ignorant of the domain. The page asks once per type
 * for all the ids on it; the export and the API keep type and id.
 */
public interface AuditObjectNames {

	/** The object type as the trail records it ({@code user}, {@code application}…). */
	String objectType();

	/** The names of those of the ids that exist; ids that are not numbers are ignored. */
	Map<String, String> namesOf(Collection<String> ids);

	/**
	 * Names from one query {@code sql} selecting {@code id} and {@code name} for the ids
	 * in the array parameter {@code :ids}.
	 */
	static AuditObjectNames bySql(String objectType, JdbcClient jdbc, String sql) {
		return new AuditObjectNames() {

			@Override
			public String objectType() {
				return objectType;
			}

			@Override
			public Map<String, String> namesOf(Collection<String> ids) {
				Long[] numeric = ids.stream()
					.filter((s) -> s != null && s.matches("\\d{1,18}"))
					.map(Long::valueOf)
					.distinct()
					.toArray(Long[]::new);
				Map<String, String> names = new java.util.HashMap<>();
				if (numeric.length == 0) {
					return names;
				}
				jdbc.sql(sql).param("ids", numeric).query((rs) -> {
					names.put(String.valueOf(rs.getLong("id")), rs.getString("name"));
				});
				return names;
			}

		};
	}

}
