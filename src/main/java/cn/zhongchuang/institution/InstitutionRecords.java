package cn.zhongchuang.institution;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Institutions in PostgreSQL (table {@code institution}), plain SQL. */
@Repository
class InstitutionRecords {

	private static final String COLUMNS = "id, operator_id, operator_name, operator_credit_code, name, kind,"
			+ " specialization, service_models, sector_type, region_code, address, virtual, focus_segment, opened_on,"
			+ " stages, status, origin, created_by, created_at, version";

	private final JdbcClient jdbc;

	InstitutionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Institution> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM institution WHERE id = :id")
			.param("id", id)
			.query(InstitutionRecords::map)
			.optional();
	}

	List<Institution> findAll(java.util.Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM institution WHERE id = ANY(:ids) ORDER BY id")
			.param("ids", ids.toArray(Long[]::new))
			.query(InstitutionRecords::map)
			.list();
	}

	List<Institution> ofOperator(long operatorId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM institution WHERE operator_id = :op ORDER BY id")
			.param("op", operatorId)
			.query(InstitutionRecords::map)
			.list();
	}

	/**
	 * The operating institutions of operators on the platform in the regions given (null:
	 * everywhere) that opened by {@code openedBy} or have no opening day, by region and
	 * id.
	 */
	List<Institution> operating(List<String> regions, java.time.LocalDate openedBy) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM institution WHERE operator_id IS NOT NULL AND status = 'OPERATING'"
					+ " AND (opened_on IS NULL OR opened_on <= :openedBy)"
					+ ((regions != null) ? " AND region_code = ANY(:regions)" : "") + " ORDER BY region_code, id")
			.param("openedBy", openedBy)
			.params((regions != null) ? Map.of("regions", regions.toArray(String[]::new)) : Map.of())
			.query(InstitutionRecords::map)
			.list();
	}

	/** The institution of this name run under this credit code, if there is one. */
	Optional<Institution> findByName(String creditCode, String name) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM institution WHERE operator_credit_code = :code AND name = :name"
					+ " ORDER BY id LIMIT 1")
			.param("code", creditCode)
			.param("name", name)
			.query(InstitutionRecords::map)
			.optional();
	}

	/** The sorts of the institution list, and its date: 投入运营日期. */
	static final ListSpec LIST = ListSpec.builder()
		.sort("created", "created_at")
		.sort("name", "name")
		.sort("kind", "kind")
		.sort("region", "region_code")
		.sort("operator", "operator_name")
		.sort("opened", "opened_on")
		.sort("status", "status")
		.defaultSort("created", false)
		.dates("opened_on")
		.build();

	/**
	 * Institutions by kind and keyword (name, operator, credit code, address); the caller
	 * adds the scope.
	 */
	ListQuery<Institution> list(String kind, String keyword) {
		return ListQuery.of(this.jdbc, LIST, "SELECT " + COLUMNS + " FROM institution", InstitutionRecords::map)
			.filter(kind, "kind = :kind", "kind")
			.keyword(keyword, "concat_ws(' ', name, operator_name, operator_credit_code, address) ILIKE :kw");
	}

	Institution insert(Institution i) {
		long id = this.jdbc
			.sql("""
					INSERT INTO institution (operator_id, operator_name, operator_credit_code, name, kind, specialization,
					  service_models, sector_type, region_code, address, virtual, focus_segment, opened_on, stages, status,
					  origin, created_by, created_at)
					VALUES (:operatorId, :operatorName, :creditCode, :name, :kind, :specialization,
					  CAST(:serviceModels AS text[]), :sectorType, :regionCode, :address, :virtual, :focusSegment, :openedOn,
					  CAST(:stages AS text[]), :status, :origin, :createdBy, :createdAt)
					RETURNING id
					""")
			.params(params(i))
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	Institution update(Institution i) {
		int rows = this.jdbc.sql("""
				UPDATE institution SET operator_id = :operatorId, operator_name = :operatorName,
				  operator_credit_code = :creditCode, name = :name, kind = :kind, specialization = :specialization,
				  service_models = CAST(:serviceModels AS text[]), sector_type = :sectorType, region_code = :regionCode,
				  address = :address, virtual = :virtual, focus_segment = :focusSegment, opened_on = :openedOn,
				  stages = CAST(:stages AS text[]), status = :status, version = version + 1
				WHERE id = :id AND version = :version
				""").params(params(i)).param("id", i.id()).param("version", i.version()).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("institution " + i.id() + " was changed by someone else");
		}
		return find(i.id()).orElseThrow();
	}

	private static Map<String, Object> params(Institution i) {
		InstitutionForm.Data d = i.data();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("operatorId", i.operatorId());
		p.put("operatorName", i.operatorName());
		p.put("creditCode", i.operatorCreditCode());
		p.put("name", d.name());
		p.put("kind", d.kind().name());
		p.put("specialization", d.specialization());
		p.put("serviceModels", array(d.serviceModels().stream().map(Enum::name).toList()));
		p.put("sectorType", (d.sectorType() != null) ? d.sectorType().name() : null);
		p.put("regionCode", d.regionCode());
		p.put("address", d.address());
		p.put("virtual", d.virtual());
		p.put("focusSegment", d.focusSegment());
		p.put("openedOn", d.openedOn());
		p.put("stages", array(d.stages()));
		p.put("status", i.status().name());
		p.put("origin", i.origin().name());
		p.put("createdBy", i.createdBy());
		p.put("createdAt", i.createdAt().atOffset(ZoneOffset.UTC));
		return p;
	}

	/** A PostgreSQL array literal of enum names (letters and underscores only). */
	private static String array(List<String> values) {
		return values.stream().collect(Collectors.joining(",", "{", "}"));
	}

	private static Institution map(ResultSet rs, int n) throws SQLException {
		InstitutionForm.Data data = new InstitutionForm.Data(rs.getString("name"),
				InstitutionKind.valueOf(rs.getString("kind")), rs.getString("specialization"),
				strings(rs.getArray("service_models")).stream().map(ServiceModel::valueOf).toList(),
				(rs.getString("sector_type") != null) ? SectorType.valueOf(rs.getString("sector_type")) : null,
				rs.getString("region_code"), rs.getString("address"), rs.getBoolean("virtual"),
				rs.getString("focus_segment"), rs.getObject("opened_on", LocalDate.class),
				strings(rs.getArray("stages")));
		Long operatorId = rs.getObject("operator_id", Long.class);
		Instant createdAt = rs.getTimestamp("created_at").toInstant();
		return new Institution(rs.getLong("id"), operatorId, rs.getString("operator_name"),
				rs.getString("operator_credit_code"), data, Institution.Status.valueOf(rs.getString("status")),
				Institution.Origin.valueOf(rs.getString("origin")), rs.getString("created_by"), createdAt,
				rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
