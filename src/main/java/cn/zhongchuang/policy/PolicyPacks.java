package cn.zhongchuang.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.policy.InvalidPolicyPackException.Problem;
import cn.zhongchuang.policy.internal.PackReader;

/**
 * 政策包的加载与查找。
 * <p>
 * 随产品发布的三个政策包在 {@code classpath:policy/packs/} 下；管理员上传的新版本或新地区用 {@link #load(String)} /
 * {@link #loadForActivation(byte[])} 编译，再用 {@link #with(PolicyPack)} 加入。 同一 id
 * 可以有多个版本，按生效日期选用：申报按提交日适用当时有效的版本。实例不可变、线程安全。
 */
public final class PolicyPacks {

	/** 随产品发布的政策包。 */
	public static final List<String> BUNDLED = List.of("beijing-chaoyang-2017", "lanzhou-2018",
			"liaoning-specialized-2019", "jiangsu-2015", "beijing-chaoyang-incubator-2014");

	private static final String LOCATION = "policy/packs/";

	/** 每个 id 的各版本，按生效日期从早到晚。 */
	private final Map<String, List<PolicyPack>> packs;

	private PolicyPacks(Map<String, List<PolicyPack>> packs) {
		this.packs = packs;
	}

	/**
	 * 加载随产品发布的政策包，并确认它们的示例全部通过。
	 * @return 政策包集合
	 */
	public static PolicyPacks bundled() {
		PolicyPacks packs = new PolicyPacks(Map.of());
		for (String id : BUNDLED) {
			packs = packs.with(loadForActivation(resource(LOCATION + id + ".yaml")));
		}
		return packs;
	}

	/**
	 * 从 YAML 或 JSON 文本加载并编译一个政策包（不运行示例）。
	 * @param text 文本
	 * @return 政策包
	 * @throws InvalidPolicyPackException 结构错误或规则无法编译，列出全部问题
	 */
	public static PolicyPack load(String text) {
		return new PolicyPack(PackReader.read(text));
	}

	public static PolicyPack load(byte[] bytes) {
		return new PolicyPack(PackReader.read(bytes));
	}

	/**
	 * 加载并确认可以启用：至少有一个示例，且全部示例通过。
	 * @param bytes YAML 或 JSON
	 * @return 政策包
	 * @throws InvalidPolicyPackException 无法加载，或示例缺失、不通过（每个不符之处一条）
	 */
	public static PolicyPack loadForActivation(byte[] bytes) {
		PolicyPack pack = load(bytes);
		if (pack.definition().examples().isEmpty()) {
			throw new InvalidPolicyPackException(List.of(new Problem("examples", "启用前至少需要一个示例")));
		}
		List<ExampleFailure> failures = pack.runExamples();
		if (!failures.isEmpty()) {
			throw new InvalidPolicyPackException(failures.stream()
				.map((failure) -> new Problem("examples「" + failure.example() + "」", failure.message()))
				.toList());
		}
		return pack;
	}

	/**
	 * 加入一个政策包（同 id 同版本的旧包被替换）。
	 * @param pack 政策包
	 * @return 新的集合
	 */
	/**
	 * 同样的政策包，结论详情中的行政区划写名称（{@link PolicyPack#withRegionNames}）。
	 * @param names 代码到名称
	 * @return 政策包集合
	 */
	public PolicyPacks withRegionNames(java.util.function.UnaryOperator<String> names) {
		Map<String, List<PolicyPack>> copy = new LinkedHashMap<>();
		this.packs.forEach(
				(id, versions) -> copy.put(id, versions.stream().map((pack) -> pack.withRegionNames(names)).toList()));
		return new PolicyPacks(Map.copyOf(copy));
	}

	public PolicyPacks with(PolicyPack pack) {
		Map<String, List<PolicyPack>> copy = new LinkedHashMap<>(this.packs);
		List<PolicyPack> versions = new ArrayList<>(copy.getOrDefault(pack.id(), List.of()));
		versions.removeIf((existing) -> existing.version().equals(pack.version()));
		versions.add(pack);
		versions.sort(Comparator.comparing(PolicyPack::effectiveFrom));
		copy.put(pack.id(), List.copyOf(versions));
		return new PolicyPacks(Map.copyOf(copy));
	}

	/** 每个 id 的最新版本，按 {@link #BUNDLED} 与加入顺序。 */
	public List<PolicyPack> all() {
		return this.packs.values()
			.stream()
			.map((versions) -> versions.get(versions.size() - 1))
			.sorted(Comparator
				.comparing((PolicyPack pack) -> BUNDLED.indexOf(pack.id()) < 0 ? Integer.MAX_VALUE
						: BUNDLED.indexOf(pack.id()))
				.thenComparing(PolicyPack::id))
			.toList();
	}

	/** 最新版本。 */
	public Optional<PolicyPack> find(String id) {
		List<PolicyPack> versions = this.packs.get(id);
		return (versions != null) ? Optional.of(versions.get(versions.size() - 1)) : Optional.empty();
	}

	/**
	 * 最新版本。
	 * @throws UnknownPolicyException 没有这个政策包
	 */
	public PolicyPack get(String id) {
		return find(id).orElseThrow(() -> new UnknownPolicyException(id));
	}

	/**
	 * 某日有效的版本：生效日期不晚于该日的最新版本。
	 * @param id 政策包 id
	 * @param date 申报提交日
	 * @return 政策包
	 * @throws UnknownPolicyException 没有这个政策包，或该日尚无有效版本
	 */
	public PolicyPack get(String id, LocalDate date) {
		List<PolicyPack> versions = this.packs.getOrDefault(id, List.of());
		PolicyPack inForce = null;
		for (PolicyPack pack : versions) {
			if (!pack.effectiveFrom().isAfter(date)) {
				inForce = pack;
			}
		}
		if (inForce == null) {
			throw new UnknownPolicyException(id);
		}
		return inForce;
	}

	private static byte[] resource(String name) {
		try (InputStream in = PolicyPacks.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("找不到随产品发布的政策包：" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
