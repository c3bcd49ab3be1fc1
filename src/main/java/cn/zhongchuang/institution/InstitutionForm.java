package cn.zhongchuang.institution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.platform.FieldErrorException;

/**
 * What an operator registers of an institution, as typed: enum values by name, so that a
 * wrong one is a field error rather than a binding failure.
 *
 * @param name 载体名称
 * @param kind {@link InstitutionKind} name
 * @param specialization COMPREHENSIVE / SPECIALIZED for a maker space, blank otherwise
 * @param serviceModels {@link ServiceModel} names, any number
 * @param sectorType a {@link SectorType} name or blank
 * @param regionCode GB/T 2260 code of the space's address
 * @param address 地址
 * @param virtual a virtual space (基于网络的虚拟众创空间)
 * @param focusSegment 主攻细分领域 (specialized spaces), may be blank
 * @param openedOn 投入运营日期, may be empty
 * @param stages the chain stages it offers (NURSERY, INCUBATOR, ACCELERATOR, PARK); the
 * kind's default when none
 */
public record InstitutionForm(String name, String kind, String specialization, List<String> serviceModels,
		String sectorType, String regionCode, String address, boolean virtual, String focusSegment, LocalDate openedOn,
		List<String> stages) {

	static final List<String> CHAIN = List.of("NURSERY", "INCUBATOR", "ACCELERATOR", "PARK");

	public InstitutionForm {
		serviceModels = (serviceModels == null) ? List.of() : List.copyOf(serviceModels);
		stages = (stages == null) ? List.of() : List.copyOf(stages);
	}

	/**
	 * The checked institution data; every mistake at once, in Chinese, by field.
	 * @throws FieldErrorException naming each field in error
	 */
	Data validate(LocalDate today, java.util.function.Predicate<String> regionExists) {
		// regionExists is Regions::isValid: the one check of a region code (six digits,
		// known)
		Map<String, String> errors = new LinkedHashMap<>();
		String n = strip(this.name);
		if (n == null || n.length() > 100) {
			errors.put("name", "请填写载体名称（100 字以内）");
		}
		InstitutionKind k = parse(InstitutionKind.class, this.kind);
		if (k == null) {
			errors.put("kind", "请选择载体类型");
		}
		String spec = strip(this.specialization);
		if (k != null && k.hasSpecialization()) {
			if (spec == null || !(spec.equals("COMPREHENSIVE") || spec.equals("SPECIALIZED"))) {
				errors.put("specialization", "众创空间须选择综合性或专业化");
			}
		}
		else {
			spec = null;
		}
		List<ServiceModel> models = new ArrayList<>();
		for (String m : this.serviceModels) {
			ServiceModel parsed = parse(ServiceModel.class, m);
			if (parsed == null) {
				errors.put("serviceModels", "服务模式只能从列表中选择");
			}
			else if (!models.contains(parsed)) {
				models.add(parsed);
			}
		}
		SectorType sector = null;
		if (strip(this.sectorType) != null) {
			sector = parse(SectorType.class, this.sectorType);
			if (sector == null) {
				errors.put("sectorType", "产业类型只能从列表中选择");
			}
		}
		String region = strip(this.regionCode);
		if (!regionExists.test(region)) {
			errors.put("regionCode", "请选择载体所在的区县");
		}
		String addr = strip(this.address);
		if (addr != null && addr.length() > 200) {
			errors.put("address", "地址不能超过 200 字");
		}
		String focus = strip(this.focusSegment);
		if (focus != null && focus.length() > 100) {
			errors.put("focusSegment", "主攻细分领域不能超过 100 字");
		}
		if (this.openedOn != null && this.openedOn.isAfter(today)) {
			errors.put("openedOn", "投入运营日期不能晚于今天");
		}
		LinkedHashSet<String> offered = new LinkedHashSet<>();
		for (String s : this.stages) {
			String st = strip(s);
			if (st != null && !CHAIN.contains(st)) {
				errors.put("stages", "孵化阶段只能从苗圃、孵化器、加速器、产业园中选择");
			}
			else if (st != null) {
				offered.add(st);
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		List<String> chain = offered.isEmpty() ? k.defaultStages() : CHAIN.stream().filter(offered::contains).toList();
		return new Data(n, k, spec, List.copyOf(models), sector, region, addr, this.virtual, focus, this.openedOn,
				chain);
	}

	/** The form of stored data, for editing. */
	static InstitutionForm of(Data d) {
		return new InstitutionForm(d.name(), d.kind().name(), d.specialization(),
				d.serviceModels().stream().map(Enum::name).toList(),
				(d.sectorType() != null) ? d.sectorType().name() : null, d.regionCode(), d.address(), d.virtual(),
				d.focusSegment(), d.openedOn(), d.stages());
	}

	/** A blank form, its region the operator's own to start with. */
	static InstitutionForm empty(String regionCode) {
		return new InstitutionForm(null, null, null, List.of(), null, regionCode, null, false, null, null, List.of());
	}

	private static String strip(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		String v = strip(value);
		if (v == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, v);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Checked institution data. */
	record Data(String name, InstitutionKind kind, String specialization, List<ServiceModel> serviceModels,
			SectorType sectorType, String regionCode, String address, boolean virtual, String focusSegment,
			LocalDate openedOn, List<String> stages) {
	}

}
