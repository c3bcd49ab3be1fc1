package cn.zhongchuang.operator;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The space facts (policy-api.md) that an organisation's records establish on a date, by
 * fact path ({@code tenants.count}, {@code space.totalAreaM2}, {@code funds}, …), each
 * with the record it was computed from. An application marks these facts “computed” and
 * every other fact “declared”. A path is absent when the records cannot establish it (no
 * premises in use: no {@code space.tenure}).
 *
 * @param operatorId the organisation
 * @param asOf the date the facts hold on
 * @param facts values by path: {@code Integer} counts, {@code BigDecimal} areas,
 * {@code LocalDate} dates, {@code Boolean} flags, {@code String} codes and enum names,
 * and for {@code funds} a list of maps {@code role}, {@code kind}, {@code amountCny}
 * @param sources for every path in {@code facts}, the record it came from, in Chinese
 * (“在孵企业名册 12 家”)
 */
public record OperatorFacts(long operatorId, LocalDate asOf, Map<String, Object> facts, Map<String, String> sources) {

	public OperatorFacts {
		facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
		sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
	}

	public Optional<Object> get(String path) {
		return Optional.ofNullable(this.facts.get(path));
	}

	public boolean isComputed(String path) {
		return this.facts.containsKey(path);
	}

	/**
	 * The facts nested as in the space-facts JSON of policy-api.md ({@code {"tenants":
	 * {"count": 12}}}), ready to merge with declared facts.
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> asSpaceFacts() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("asOf", this.asOf);
		this.facts.forEach((path, value) -> {
			String[] parts = path.split("\\.");
			Map<String, Object> node = root;
			for (int i = 0; i < parts.length - 1; i++) {
				node = (Map<String, Object>) node.computeIfAbsent(parts[i], (k) -> new LinkedHashMap<>());
			}
			node.put(parts[parts.length - 1], value);
		});
		return root;
	}

}
