package cn.zhongchuang.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.SealCheck;
import cn.zhongchuang.audit.SealText;
import cn.zhongchuang.audit.Seals;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ListSpec;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Applications, their facts, materials and decisions: plain SQL, version-checked. */
@Repository
class ApplicationRecords {

	/** The kind of a decision's seal, in its canonical text and the seal API. */
	static final String SEAL_KIND = "application-decision";

	private static final String DECISION_ROW = """
			SELECT d.*, a.operator_id AS application_operator_id, a.policy_id AS application_policy_id
			FROM application_decision d JOIN application a ON a.id = d.application_id
			""";

	private final JdbcClient jdbc;

	private final Seals seals;

	ApplicationRecords(JdbcClient jdbc, Seals seals) {
		this.jdbc = jdbc;
		this.seals = seals;
	}

	Optional<Application> findById(long id) {
		return this.jdbc.sql("SELECT * FROM application WHERE id = :id")
			.param("id", id)
			.query(ApplicationRecords::map)
			.optional();
	}

	/** Locks the row until the transaction ends: concurrent submits queue up here. */
	Optional<Application> lock(long id) {
		return this.jdbc.sql("SELECT * FROM application WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(ApplicationRecords::map)
			.optional();
	}

	List<Application> ofOperator(long operatorId) {
		return this.jdbc.sql("SELECT * FROM application WHERE operator_id = :op ORDER BY id DESC")
			.param("op", operatorId)
			.query(ApplicationRecords::map)
			.list();
	}

	/** Waiting at a stage the role decides, within the regions given. */
	List<Application> queue(String role, Collection<String> regions, String policyId, String q) {
		return this.jdbc.sql("""
				SELECT * FROM application
				WHERE status IN ('SUBMITTED', 'IN_REVIEW') AND current_stage_role = :role AND region_code IN (:regions)
				  AND (:policy = '' OR policy_id = :policy)
				  AND (:q = '' OR space_name ILIKE '%' || :q || '%' OR operator_name ILIKE '%' || :q || '%')
				ORDER BY submitted_on, id
				""")
			.param("role", role)
			.param("regions", regions)
			.param("policy", (policyId == null) ? "" : policyId)
			.param("q", (q == null) ? "" : q.strip())
			.query(ApplicationRecords::map)
			.list();
	}

	/** 认定审查: the sorts, the date (提交日期); the queue opens oldest first. */
	static final ListSpec QUEUE = spec(true);

	/** 本辖区全部: newest first. */
	static final ListSpec ALL = spec(false);

	private static ListSpec spec(boolean oldestFirst) {
		return ListSpec.builder()
			.sort("submitted", "submitted_on")
			.sort("space", "space_name")
			.sort("operator", "operator_name")
			.sort("region", "region_code")
			.sort("policy", "policy_id")
			.sort("status", "status")
			.sort("stage", "current_stage_name")
			.defaultSort("submitted", oldestFirst)
			.dates("submitted_on")
			.build();
	}

	/**
	 * Submitted applications within the regions, by policy and keyword: those waiting at
	 * a stage the role decides, or (role null) all of them.
	 */
	ListQuery<Application> list(Collection<String> regions, String role, String policyId, String q) {
		ListQuery<Application> list = ListQuery
			.of(this.jdbc, (role != null) ? QUEUE : ALL, "SELECT * FROM application", ApplicationRecords::map)
			.where("region_code = ANY(:regions)", "regions", regions.toArray(String[]::new))
			.filter(policyId, "policy_id = :policy", "policy")
			.keyword(q, "(space_name ILIKE :kw OR operator_name ILIKE :kw)");
		return (role != null)
				? list.where("status IN ('SUBMITTED', 'IN_REVIEW') AND current_stage_role = :role", "role", role)
				: list.where("status <> 'DRAFT'");
	}

	/**
	 * Waiting at the given notice stage of a policy and on no notice yet, within the
	 * regions.
	 */
	List<Application> awaitingNotice(String policyId, String stage, Collection<String> regions) {
		return this.jdbc.sql("""
				SELECT * FROM application
				WHERE status IN ('SUBMITTED', 'IN_REVIEW') AND policy_id = :policy AND current_stage = :stage
				  AND notice_id IS NULL AND region_code IN (:regions)
				ORDER BY submitted_on, id
				""")
			.param("policy", policyId)
			.param("stage", stage)
			.param("regions", regions)
			.query(ApplicationRecords::map)
			.list();
	}

	/** The applications listed on a notice. */
	List<Application> onNotice(long noticeId) {
		return this.jdbc.sql("SELECT * FROM application WHERE notice_id = :notice ORDER BY id")
			.param("notice", noticeId)
			.query(ApplicationRecords::map)
			.list();
	}

	/** Every application within the regions, newest first, for government reading. */
	List<Application> within(Collection<String> regions, String status) {
		return this.jdbc.sql("""
				SELECT * FROM application WHERE region_code IN (:regions) AND status <> 'DRAFT'
				  AND (:status = '' OR status = :status)
				ORDER BY id DESC LIMIT 500
				""")
			.param("regions", regions)
			.param("status", (status == null) ? "" : status)
			.query(ApplicationRecords::map)
			.list();
	}

	Application save(Application a) {
		if (a.id() == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("""
						INSERT INTO application (operator_id, institution_id, operator_name, policy_id, policy_version, region_code, space_name,
						  kind, specialization, status, current_stage, current_stage_name, current_stage_role, returned_stage,
						  submission_key, submitted_on, verdict_outcome, verdict, created_by, created_at, updated_at)
						VALUES (:operatorId, :institutionId, :operatorName, :policyId, :policyVersion, :region, :spaceName, :kind,
						  :specialization, :status, :stage, :stageName, :stageRole, :returnedStage, :key, :submittedOn,
						  :outcome, :verdict, :createdBy, :createdAt, :createdAt)
						""")
				.params(params(a))
				.update(keys, "id");
			return findById(((Number) keys.getKeys().get("id")).longValue()).orElseThrow();
		}
		Map<String, Object> params = params(a);
		params.put("id", a.id());
		params.put("version", a.version());
		params.put("now", OffsetDateTime.now(ZoneOffset.UTC));
		int updated = this.jdbc
			.sql("""
					UPDATE application SET policy_version = :policyVersion, region_code = :region, space_name = :spaceName,
					  specialization = :specialization, status = :status, current_stage = :stage,
					  current_stage_name = :stageName, current_stage_role = :stageRole, returned_stage = :returnedStage,
					  submission_key = :key, submitted_on = :submittedOn, verdict_outcome = :outcome, verdict = :verdict,
					  notice_id = :noticeId, recognition_number = :recognitionNumber, updated_at = :now, version = version + 1
					WHERE id = :id AND version = :version
					""")
			.params(params)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("application " + a.id() + " was changed by someone else");
		}
		return findById(a.id()).orElseThrow();
	}

	// facts

	List<Fact> facts(long applicationId) {
		return this.jdbc.sql("SELECT * FROM application_fact WHERE application_id = :id ORDER BY path")
			.param("id", applicationId)
			.query((rs, n) -> new Fact(rs.getString("path"), rs.getString("value"),
					Origin.valueOf(rs.getString("origin")), rs.getString("source"), rs.getString("reason")))
			.list();
	}

	void replaceFacts(long applicationId, Collection<Fact> facts) {
		this.jdbc.sql("DELETE FROM application_fact WHERE application_id = :id").param("id", applicationId).update();
		for (Fact f : facts) {
			this.jdbc.sql("""
					INSERT INTO application_fact (application_id, path, value, origin, source, reason)
					VALUES (:id, :path, :value, :origin, :source, :reason)
					""")
				.param("id", applicationId)
				.param("path", f.path())
				.param("value", f.value())
				.param("origin", f.origin().name())
				.param("source", f.source())
				.param("reason", f.reason())
				.update();
		}
	}

	// materials

	void replaceMaterials(long applicationId, List<MaterialState> materials) {
		this.jdbc.sql("DELETE FROM application_material WHERE application_id = :id")
			.param("id", applicationId)
			.update();
		for (MaterialState m : materials) {
			this.jdbc.sql("""
					INSERT INTO application_material (application_id, code, name, required, files)
					VALUES (:id, :code, :name, :required, :files)
					""")
				.param("id", applicationId)
				.param("code", m.code())
				.param("name", m.name())
				.param("required", m.required())
				.param("files", m.files().size())
				.update();
		}
	}

	// decisions

	/** Records a decision and seals it (HMAC-SM3) in the same transaction. */
	void addDecision(long applicationId, String stageCode, String stageName, String decision, String reasons, String by,
			String byName, String role, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO application_decision (application_id, stage_code, stage_name, decision, reasons, decided_by,
				  decided_by_name, role, decided_at)
				VALUES (:id, :stage, :stageName, :decision, :reasons, :by, :byName, :role, :at)
				""")
			.param("id", applicationId)
			.param("stage", stageCode)
			.param("stageName", stageName)
			.param("decision", decision)
			.param("reasons", reasons)
			.param("by", by)
			.param("byName", byName)
			.param("role", role)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		sealDecision(keys.getKey().longValue());
	}

	/**
	 * Seals a decision as stored (again, for a row sealed before: the seal then covers
	 * what the row holds now); false when it does not exist or was sealed meanwhile.
	 */
	boolean sealDecision(long id) {
		return sealDecision(id, false);
	}

	/** Seals a decision; with {@code onlyUnsealed} only while it has no seal. */
	boolean sealDecision(long id, boolean onlyUnsealed) {
		return this.jdbc.sql(DECISION_ROW + " WHERE d.id = :id")
			.param("id", id)
			.query((rs, n) -> this.seals.seal(sealText(rs)))
			.optional()
			.map((seal) -> Seals.store(this.jdbc, "application_decision", id, seal, onlyUnsealed, null))
			.orElse(false);
	}

	/** Decisions recorded before seals were introduced. */
	List<Long> unsealedDecisions(int limit) {
		return this.jdbc.sql("SELECT id FROM application_decision WHERE seal IS NULL ORDER BY id LIMIT :limit")
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** A decision's application and the check of its seal. */
	Optional<SealedDecision> decisionSeal(long id) {
		return this.jdbc.sql(DECISION_ROW + " WHERE d.id = :id")
			.param("id", id)
			.query((rs, n) -> new SealedDecision(rs.getLong("application_id"), check(rs)))
			.optional();
	}

	List<DecisionRow> decisions(long applicationId) {
		return this.jdbc.sql(DECISION_ROW + " WHERE d.application_id = :id ORDER BY d.id")
			.param("id", applicationId)
			.query((rs, n) -> new DecisionRow(rs.getLong("id"), rs.getString("stage_code"), rs.getString("stage_name"),
					rs.getString("decision"), rs.getString("reasons"), rs.getString("decided_by"),
					rs.getString("decided_by_name"), rs.getString("role"),
					rs.getObject("decided_at", OffsetDateTime.class).toInstant(), check(rs)))
			.list();
	}

	private SealCheck check(ResultSet rs) throws SQLException {
		return this.seals.verifyStored(sealText(rs), rs);
	}

	/**
	 * The canonical text of a decision: its id, the application, its operator and policy
	 * (fixed at creation), the stage, the decision, the reasons, who decided in which
	 * role, and when.
	 */
	private static SealText sealText(ResultSet rs) throws SQLException {
		return Seals.text(SEAL_KIND)
			.field("id", rs.getLong("id"))
			.field("application", rs.getLong("application_id"))
			.field("operator", rs.getLong("application_operator_id"))
			.field("policy", rs.getString("application_policy_id"))
			.field("stage", rs.getString("stage_code"))
			.field("stageName", rs.getString("stage_name"))
			.field("decision", rs.getString("decision"))
			.field("reasons", rs.getString("reasons"))
			.field("decidedBy", rs.getString("decided_by"))
			.field("decidedByName", rs.getString("decided_by_name"))
			.field("role", rs.getString("role"))
			.field("decidedAt", rs.getObject("decided_at", OffsetDateTime.class));
	}

	/** A decision's application and its seal check. */
	record SealedDecision(long applicationId, SealCheck seal) {
	}

	private static Map<String, Object> params(Application a) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("operatorId", a.operatorId());
		p.put("institutionId", a.institutionId());
		p.put("operatorName", a.operatorName());
		p.put("policyId", a.policyId());
		p.put("policyVersion", a.policyVersion());
		p.put("region", a.regionCode());
		p.put("spaceName", a.spaceName());
		p.put("kind", a.kind());
		p.put("specialization", a.specialization());
		p.put("status", a.status().name());
		p.put("stage", a.currentStage());
		p.put("stageName", a.currentStageName());
		p.put("stageRole", a.currentStageRole());
		p.put("returnedStage", a.returnedStage());
		p.put("key", a.submissionKey());
		p.put("submittedOn", a.submittedOn());
		p.put("outcome", a.verdictOutcome());
		p.put("verdict", a.verdict());
		p.put("noticeId", a.noticeId());
		p.put("recognitionNumber", a.recognitionNumber());
		p.put("createdBy", a.createdBy());
		p.put("createdAt", a.createdAt().atOffset(ZoneOffset.UTC));
		return p;
	}

	private static Application map(ResultSet rs, int n) throws SQLException {
		return new Application(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("institution_id"),
				rs.getString("operator_name"), rs.getString("policy_id"), rs.getString("policy_version"),
				rs.getString("region_code"), rs.getString("space_name"), rs.getString("kind"),
				rs.getString("specialization"), ApplicationStatus.valueOf(rs.getString("status")),
				rs.getString("current_stage"), rs.getString("current_stage_name"), rs.getString("current_stage_role"),
				rs.getString("returned_stage"), rs.getString("submission_key"),
				rs.getObject("submitted_on", LocalDate.class), rs.getString("verdict_outcome"), rs.getString("verdict"),
				rs.getObject("notice_id", Long.class), rs.getString("recognition_number"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
	}

	enum Origin {

		COMPUTED, DECLARED, OVERRIDDEN

	}

	/**
	 * One fact: its value as JSON text, where it came from, and why it was overridden.
	 */
	record Fact(String path, String value, Origin origin, String source, String reason) {
	}

	/** One material of the pack's list with the files uploaded for it. */
	record MaterialState(String code, String name, boolean required, String note,
			List<cn.zhongchuang.attachment.AttachmentRef> files) {

		boolean missing() {
			return this.required && this.files.isEmpty();
		}

	}

	/** One line of the history. */
	record DecisionRow(long id, String stageCode, String stageName, String decision, String reasons, String by,
			String byName, String role, Instant at, SealCheck seal) {
	}

}
