package cn.zhongchuang.policy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy packs in force: the three bundled with the product plus every version an
 * administrator uploaded and activated. Packs are compiled once; each node re-reads the
 * active versions at most every few seconds, so an activation on one node reaches all of
 * them.
 */
@Service
public class PolicyCatalog {

	private static final Duration REFRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Regions regions;

	/** The bundled packs, writing region names in verdict details. */
	private final PolicyPacks bundled;

	private final Map<String, PolicyPack> compiled = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile Snapshot snapshot;

	PolicyCatalog(JdbcClient jdbc, AuditTrail audit, Clock clock, Regions regions) {
		this.regions = regions;
		this.bundled = PolicyPacks.bundled().withRegionNames(this::regionName);
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The newest version of every pack, bundled first. */
	public List<PolicyPack> all() {
		return packs().all();
	}

	/** The newest version of a pack; 404 when unknown. */
	public PolicyPack latest(String id) {
		return packs().find(id).orElseThrow(() -> new NotFoundException("policy " + id, "没有政策包 " + id));
	}

	/**
	 * The version in force on a date (an application's submission date, a self-check's
	 * {@code asOf}); 404 when the pack is unknown or had no version yet on that date.
	 */
	public PolicyPack inForce(String id, LocalDate date) {
		try {
			return packs().get(id, date);
		}
		catch (UnknownPolicyException ex) {
			throw new NotFoundException("policy " + id + " on " + date, ex.getMessage());
		}
	}

	/** Every version of a pack, bundled and uploaded, oldest first. */
	public List<VersionInfo> versions(String id) {
		List<VersionInfo> versions = new ArrayList<>();
		this.bundled.find(id)
			.ifPresent((p) -> versions.add(new VersionInfo(p.id(), p.version(), p.title(), p.jurisdiction(),
					p.effectiveFrom(), "ACTIVE", true, null, "system", null)));
		versions.addAll(this.jdbc.sql("SELECT * FROM policy_pack_version WHERE pack_id = :id ORDER BY effective_from")
			.param("id", id)
			.query((rs, n) -> new VersionInfo(rs.getString("pack_id"), rs.getString("version"), rs.getString("title"),
					rs.getString("jurisdiction"), rs.getObject("effective_from", LocalDate.class),
					rs.getString("status"), false, rs.getString("problems"), rs.getString("uploaded_by"),
					rs.getObject("uploaded_at", OffsetDateTime.class)))
			.list());
		return versions;
	}

	/**
	 * Pack ids that exist, bundled or uploaded (also drafts), for the administrator's
	 * list.
	 */
	public List<String> ids() {
		List<String> ids = new ArrayList<>(PolicyPacks.BUNDLED);
		this.jdbc.sql("SELECT DISTINCT pack_id FROM policy_pack_version ORDER BY pack_id")
			.query(String.class)
			.list()
			.forEach((id) -> {
				if (!ids.contains(id)) {
					ids.add(id);
				}
			});
		return ids;
	}

	/**
	 * Stores an uploaded pack (YAML or JSON) as a draft after compiling it and running
	 * its examples. A pack that does not compile is refused with every problem listed;
	 * one whose examples fail is kept as a draft with the failures shown, and cannot be
	 * activated.
	 */
	@Transactional
	public VersionInfo upload(byte[] source, String by) {
		PolicyPack pack;
		try {
			pack = PolicyPacks.load(source);
		}
		catch (InvalidPolicyPackException ex) {
			throw new FieldErrorException(problems(ex));
		}
		if (exists(pack.id(), pack.version())) {
			throw new FieldErrorException("file", "政策包 " + pack.id() + " 的版本 " + pack.version() + " 已存在，请使用新的版本号");
		}
		String problems = exampleProblems(pack);
		this.jdbc.sql("""
				INSERT INTO policy_pack_version (pack_id, version, title, jurisdiction, effective_from, source, status,
				  problems, uploaded_by, uploaded_at)
				VALUES (:id, :version, :title, :jurisdiction, :from, :source, 'DRAFT', :problems, :by, :at)
				""")
			.param("id", pack.id())
			.param("version", pack.version())
			.param("title", pack.title())
			.param("jurisdiction", pack.jurisdiction())
			.param("from", pack.effectiveFrom())
			.param("source", new String(source, StandardCharsets.UTF_8))
			.param("problems", problems)
			.param("by", by)
			.param("at", OffsetDateTime.now(this.clock))
			.update();
		this.audit.record(AuditEntry.success("POLICY_UPLOAD", "policy_pack", pack.id() + "@" + pack.version(),
				"上传政策包 " + pack.title() + "（" + pack.version() + "）" + ((problems == null) ? "，示例全部通过" : "，示例未通过"),
				pack.jurisdiction()));
		return versions(pack.id()).stream().filter((v) -> v.version().equals(pack.version())).findFirst().orElseThrow();
	}

	/** Activates a draft: its examples run again and must all pass. */
	@Transactional
	public void activate(String id, String version, String by) {
		String source = this.jdbc.sql(
				"SELECT source FROM policy_pack_version WHERE pack_id = :id AND version = :v AND status = 'DRAFT' FOR UPDATE")
			.param("id", id)
			.param("v", version)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("draft " + id + "@" + version));
		try {
			PolicyPacks.loadForActivation(source.getBytes(StandardCharsets.UTF_8));
		}
		catch (InvalidPolicyPackException ex) {
			throw new ConflictException("示例未全部通过，不能启用：" + String.join("；", problems(ex).values()));
		}
		this.jdbc
			.sql("""
					UPDATE policy_pack_version SET status = 'ACTIVE', problems = NULL, activated_by = :by, activated_at = :at
					WHERE pack_id = :id AND version = :v
					""")
			.param("id", id)
			.param("v", version)
			.param("by", by)
			.param("at", OffsetDateTime.now(this.clock))
			.update();
		this.audit.record(AuditEntry.success("POLICY_ACTIVATE", "policy_pack", id + "@" + version,
				"启用政策包 " + id + " 版本 " + version, null));
		this.snapshot = null;
	}

	private boolean exists(String id, String version) {
		boolean bundledVersion = this.bundled.find(id).map((p) -> p.version().equals(version)).orElse(false);
		return bundledVersion
				|| this.jdbc.sql("SELECT count(*) FROM policy_pack_version WHERE pack_id = :id AND version = :v")
					.param("id", id)
					.param("v", version)
					.query(Long.class)
					.single() > 0;
	}

	private static String exampleProblems(PolicyPack pack) {
		if (pack.definition().examples().isEmpty()) {
			return "启用前至少需要一个示例";
		}
		List<ExampleFailure> failures = pack.runExamples();
		return failures.isEmpty() ? null
				: failures.stream().map((f) -> "「" + f.example() + "」" + f.message()).collect(Collectors.joining("\n"));
	}

	private static Map<String, String> problems(InvalidPolicyPackException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach((p) -> errors.merge(p.path(), p.message(), (a, b) -> a + "；" + b));
		return errors;
	}

	private PolicyPacks packs() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || current.readAt().plus(REFRESH).isBefore(now)) {
			current = new Snapshot(read(), now);
			this.snapshot = current;
		}
		return current.packs();
	}

	/** 北京市朝阳区 for 110105: the full name without the spaces of a page's path. */
	private String regionName(String code) {
		return this.regions.fullName(code).replace(" ", "");
	}

	private PolicyPacks read() {
		PolicyPacks packs = this.bundled;
		List<Map.Entry<String, String>> active = this.jdbc
			.sql("SELECT pack_id || '@' || version AS key, source FROM policy_pack_version WHERE status = 'ACTIVE'")
			.query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("source")))
			.list();
		for (Map.Entry<String, String> entry : active) {
			// Compiled once per node: the source of an active version never changes.
			packs = packs.with(this.compiled.computeIfAbsent(entry.getKey(),
					(k) -> PolicyPacks.load(entry.getValue()).withRegionNames(this::regionName)));
		}
		return packs;
	}

	/** One version of a pack as the administrator's list shows it. */
	public record VersionInfo(String id, String version, String title, String jurisdiction, LocalDate effectiveFrom,
			String status, boolean bundled, String problems, String uploadedBy, OffsetDateTime uploadedAt) {
	}

	private record Snapshot(PolicyPacks packs, Instant readAt) {
	}

}
