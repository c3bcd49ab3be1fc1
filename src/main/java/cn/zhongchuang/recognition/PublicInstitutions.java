package cn.zhongchuang.recognition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.tenant.TenantCensus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of institutions holding at least one title (institutions.md "Public
 * API"): each with its particulars, every title it holds or held, and its tenant counts.
 * Filters: region (with its sub-regions, on the institution's address), kind, level and
 * status (of one of its titles: level=CITY&amp;status=ACTIVE are the institutions with an
 * active city title), q (name, operator, credit code or a title's number).
 * <p>
 * The one query that selects the page reads the institution module's table beside this
 * module's {@code recognition}: the filters span both, and paging must happen in SQL.
 */
@Service
class PublicInstitutions {

	private final JdbcClient jdbc;

	private final Institutions institutions;

	private final RecognitionRecords titles;

	private final TenantCensus tenants;

	private final Regions regions;

	PublicInstitutions(JdbcClient jdbc, Institutions institutions, RecognitionRecords titles, TenantCensus tenants,
			Regions regions) {
		this.jdbc = jdbc;
		this.institutions = institutions;
		this.titles = titles;
		this.tenants = tenants;
		this.regions = regions;
	}

	/**
	 * One page of the list.
	 * @throws FieldErrorException naming the parameter that is not a region code, a kind,
	 * a level or a status
	 */
	@Transactional(readOnly = true)
	PageResult<Entry> search(String region, String kind, String level, String status, String q, Integer page,
			Integer size) {
		StringBuilder titleWhere = new StringBuilder("r.institution_id = i.id");
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		String l = blank(level);
		if (l != null) {
			titleWhere.append(" AND r.level = :level");
			params.put("level",
					enumName(PackDefinition.Level.class, l, "level", "级别只能是 DISTRICT、CITY、PROVINCE 或 NATIONAL"));
		}
		String s = blank(status);
		if (s != null) {
			titleWhere.append(" AND r.status = :status");
			params.put("status", enumName(Recognition.Status.class, s, "status", "状态只能是 ACTIVE、LAPSED 或 REVOKED"));
		}
		where.append(" WHERE EXISTS (SELECT 1 FROM recognition r WHERE ").append(titleWhere).append(")");
		String r = blank(region);
		if (r != null) {
			if (!this.regions.isValid(r)) {
				throw new FieldErrorException("region", "region 须为有效的 6 位行政区划代码");
			}
			where.append(" AND i.region_code = ANY(:scope)");
			params.put("scope", this.regions.codesWithin(r).toArray(String[]::new));
		}
		String k = blank(kind);
		if (k != null) {
			where.append(" AND i.kind = :kind");
			params.put("kind", enumName(InstitutionKind.class, k, "kind", "载体类型不正确"));
		}
		String keyword = blank(q);
		if (keyword != null) {
			where.append(" AND (i.name ILIKE :kw OR i.operator_name ILIKE :kw OR i.operator_credit_code ILIKE :kw"
					+ " OR EXISTS (SELECT 1 FROM recognition n WHERE n.institution_id = i.id AND n.number ILIKE :kw))");
			params.put("kw", "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = this.jdbc.sql("SELECT count(*) FROM institution i" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pageSize = PageResult.clampSize(size);
		int p = PageResult.clampPage(page);
		List<Long> ids = this.jdbc
			.sql("SELECT i.id FROM institution i" + where + " ORDER BY i.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", PageResult.offset(p, pageSize))
			.query(Long.class)
			.list();
		return new PageResult<>(entries(ids), total, p, pageSize);
	}

	/** One institution holding a title; 404 when unknown or holding none. */
	@Transactional(readOnly = true)
	Entry get(long id) {
		List<Entry> found = entries(List.of(id));
		if (found.isEmpty() || found.get(0).titles().isEmpty()) {
			throw new NotFoundException("institution " + id, "没有编号为 " + id + " 的持有称号的孵化载体");
		}
		return found.get(0);
	}

	private List<Entry> entries(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Title>> held = new LinkedHashMap<>();
		for (Recognition t : this.titles.ofInstitutions(ids)) {
			RecognitionRequest q = t.request();
			held.computeIfAbsent(q.institutionId(), (x) -> new ArrayList<>())
				.add(new Title(q.level(), t.number(), q.issuingAuthority(), t.status().name(), q.recognizedOn(),
						t.external() ? null : q.policyId(), t.source()));
		}
		Map<Long, TenantCensus.Counts> counts = this.tenants.countsOf(ids);
		return this.institutions.findAll(ids)
			.stream()
			.map((i) -> entry(i, held.getOrDefault(i.id(), List.of()), counts.get(i.id())))
			.toList();
	}

	private static Entry entry(InstitutionSummary i, List<Title> titles, TenantCensus.Counts c) {
		return new Entry(i.id(), i.name(), i.kind().name(), i.specialization(),
				i.serviceModels().stream().map(Enum::name).toList(),
				(i.sectorType() != null) ? i.sectorType().name() : null, i.regionCode(),
				new Operator(i.operatorName(), i.operatorCreditCode()), titles,
				(c != null) ? new Tenants(c.active(), c.teams(), c.graduated()) : new Tenants(0, 0, 0));
	}

	private static <E extends Enum<E>> String enumName(Class<E> type, String value, String field, String message) {
		try {
			return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new FieldErrorException(field, message);
		}
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/** One institution of the public list: exactly the fields of institutions.md. */
	record Entry(long id, String name, String kind, String specialization, List<String> serviceModels,
			String sectorType, String region, Operator operator, List<Title> titles, Tenants tenants) {
	}

	record Operator(String name, String creditCode) {
	}

	/**
	 * A title: {@code policy} is null for one without a pack, {@code number} may be for
	 * an external one.
	 */
	record Title(String level, String number, String authority, String status, LocalDate recognizedOn, String policy,
			String source) {
	}

	record Tenants(long active, long teams, long graduated) {
	}

}
