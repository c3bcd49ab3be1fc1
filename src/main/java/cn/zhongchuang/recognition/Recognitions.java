package cn.zhongchuang.recognition;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 认定: grants a recognition with its number and verification code, and answers the
 * registry. Numbers look like {@code 兰科众〔2026〕第005号}: a prefix derived from the issuing
 * authority, the year of recognition and a sequence that is gap-free per prefix and year
 * (a counter row locked for the transaction). The verification code is 12 random base32
 * characters (60 bits), printed on the certificate and resolved by
 * {@code /verify/{code}}.
 */
@Service
public class Recognitions {

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final RecognitionRecords records;

	private final Institutions institutions;

	private final PolicyCatalog policies;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Recognitions(RecognitionRecords records, Institutions institutions, PolicyCatalog policies, Regions regions,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.institutions = institutions;
		this.policies = policies;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Recognizes an institution: validates the request, assigns the next number, stores
	 * the recognition as ACTIVE, audits and publishes {@link InstitutionRecognized}. A
	 * subject already recognized under the same policy is refused (409), so a retry does
	 * not recognize twice.
	 */
	@Transactional
	public Recognized recognize(RecognitionRequest request, CurrentUser by) {
		if (by == null || !by.role().isGovernment()) {
			throw new NotFoundException("recognition subject");
		}
		if (request.regionCode() != null && this.regions.find(request.regionCode()).isPresent()
				&& !this.regions.contains(by.regionCode(), request.regionCode())) {
			throw new NotFoundException("recognition subject in " + request.regionCode());
		}
		return grant(request, by.username());
	}

	/** The grant itself, for callers that checked the authority (demo data). */
	@Transactional
	Recognized grant(RecognitionRequest given, String by) {
		validate(given);
		if (this.records.exists(given.subjectType(), given.subjectId(), given.policyId())) {
			throw new ConflictException("该机构已按此政策认定，不能重复认定");
		}
		RecognitionRequest request = given.of(institutionOf(given, by));
		requireNoActiveTitleAt(request.institutionId(), request.level());
		String prefix = prefixOf(request.issuingAuthority());
		int year = request.recognizedOn().getYear();
		int sequence = this.records.nextNumber(prefix, year);
		String number = String.format("%s〔%d〕第%03d号", prefix, year, sequence);
		Recognition saved;
		try {
			saved = this.records.save(Recognition.grant(number, newCode(), request, by, this.clock.instant()));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// a concurrent grant took the level first (recognition_active_level_uq)
			throw new FieldErrorException("level", "该载体已持有有效的" + levelLabel(request.level()) + "称号，同一级别只能有一个有效称号");
		}
		this.audit.record(AuditEntry.success(
				"RECOGNITION_GRANT", "recognition", saved.id(), "认定“" + request.institutionName() + "”为"
						+ request.level() + " 级，编号 " + number + "（" + request.issuingAuthority() + "）",
				request.regionCode()));
		this.events.publishEvent(InstitutionRecognized.of(saved));
		return new Recognized(saved.id(), number, saved.verificationCode());
	}

	/**
	 * Grants the title a recommendation was accepted for: no pack, the receiving
	 * authority's number from the usual counter, the designation the decision gives. The
	 * caller (the recommendation's acceptance) checked the authority and holds the
	 * recommendation's row lock; audited, publishes {@link InstitutionRecognized}.
	 */
	Recognized grantOnRecommendation(RecognitionRequest request, String designation, long recommendationId, String by) {
		requireNoActiveTitleAt(request.institutionId(), request.level());
		String prefix = prefixOf(request.issuingAuthority());
		int year = request.recognizedOn().getYear();
		String number = String.format("%s〔%d〕第%03d号", prefix, year, this.records.nextNumber(prefix, year));
		Recognition saved;
		try {
			saved = this.records.save(Recognition.onRecommendation(number, newCode(), request, designation,
					recommendationId, by, this.clock.instant()));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			throw new FieldErrorException("level", "该载体已持有有效的" + levelLabel(request.level()) + "称号，同一级别只能有一个有效称号");
		}
		this.audit.record(AuditEntry.success(
				"RECOGNITION_GRANT", "recognition", saved.id(), "依推荐授予“" + request.institutionName() + "”" + designation
						+ "（" + levelLabel(request.level()) + "），编号 " + number + "（" + request.issuingAuthority() + "）",
				request.regionCode()));
		this.events.publishEvent(InstitutionRecognized.of(saved));
		return new Recognized(saved.id(), number, saved.verificationCode());
	}

	/**
	 * The institution the title is of: the one the request names (it must exist), or the
	 * one found or registered from the names it gives.
	 */
	private long institutionOf(RecognitionRequest r, String by) {
		if (r.institutionId() != null) {
			return this.institutions.find(r.institutionId())
				.orElseThrow(() -> new FieldErrorException("institutionId", "没有该孵化载体"))
				.id();
		}
		return this.institutions.resolve(new Institutions.TitleHolder(r.operatorName(), r.creditCode(),
				r.institutionName(), r.kind(), r.specialization(), r.regionCode()), by);
	}

	/**
	 * An institution holds one ACTIVE title per level (a district title and a national
	 * filing may stand together, two city titles may not).
	 */
	void requireNoActiveTitleAt(long institutionId, String level) {
		this.records.activeAt(institutionId, level).ifPresent((held) -> {
			throw new FieldErrorException("level",
					"该载体已持有有效的" + levelLabel(level) + "称号（" + held.number() + "），同一级别只能有一个有效称号");
		});
	}

	static String levelLabel(String level) {
		return switch (String.valueOf(level)) {
			case "DISTRICT" -> "区县级";
			case "CITY" -> "市级";
			case "PROVINCE" -> "省级";
			case "NATIONAL" -> "国家级";
			default -> "";
		};
	}

	/**
	 * The public registry: recognitions in every status (a revoked or lapsed one shows
	 * its announcement), region filter including descendants.
	 */
	@Transactional(readOnly = true)
	public PageResult<RegistryEntry> registry(String region, String level, String keyword, Integer page, Integer size) {
		return registry(region, level, keyword, null, page, size);
	}

	/**
	 * The public registry filtered by status (ACTIVE, REVOKED, LAPSED; blank for all).
	 */
	@Transactional(readOnly = true)
	public PageResult<RegistryEntry> registry(String region, String level, String keyword, String status, Integer page,
			Integer size) {
		return search(region, level, keyword, status(status), page, size).map(Recognitions::entry);
	}

	/** The registry page's rows, as stored (an external title may have no number). */
	@Transactional(readOnly = true)
	PageResult<Recognition> registryRows(String region, String level, String keyword, String status, Integer page) {
		return search(region, level, keyword, status(status), page, null);
	}

	/**
	 * Ends an ACTIVE recognition: REVOKED for fraud, LAPSED by the pack's lapse rule (the
	 * pack must have one). Reason and announcement are required; the plaque removal date
	 * defaults to today. The user must be a government user whose region holds the
	 * recognition (404 otherwise); audited; publishes {@link RecognitionRevoked}.
	 */
	@Transactional
	public RecognitionSummary revoke(long recognitionId, Outcome outcome, String reason, String announcement,
			LocalDate plaqueRemovalOn, CurrentUser by) {
		Recognition r = get(recognitionId, by);
		return end(r, outcome, reason, announcement, plaqueRemovalOn, by.username());
	}

	/**
	 * Lapses a recognition without a user: for a job that found the pack's lapse rule met
	 * (an overdue rectification). Same checks as {@link #revoke}, by {@code system}.
	 */
	@Transactional
	public RecognitionSummary lapseBySystem(long recognitionId, String reason, String announcement) {
		Recognition r = this.records.find(recognitionId)
			.orElseThrow(() -> new NotFoundException("recognition " + recognitionId));
		return end(r, Outcome.LAPSED, reason, announcement, null, "system");
	}

	private RecognitionSummary end(Recognition r, Outcome outcome, String reason, String announcement,
			LocalDate plaqueRemovalOn, String by) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (outcome == null) {
			errors.put("outcome", "请选择撤销或失效");
		}
		requireText(errors, "reason", reason, "撤销/失效原因", 1000);
		requireText(errors, "announcement", announcement, "公告内容", 4000);
		LocalDate today = LocalDate.now(this.clock.withZone(cn.zhongchuang.platform.ChinaTime.ZONE));
		if (plaqueRemovalOn != null && plaqueRemovalOn.isBefore(today)) {
			errors.put("plaqueRemovalOn", "摘牌日期不能早于今天");
		}
		// a title without a pack (recorded from another authority, granted on a
		// recommendation) lapses when its authority says so
		if (outcome == Outcome.LAPSED && r.request().policyId() != null) {
			PackDefinition.Dynamic dynamic = packDefinition(r.request().policyId()).dynamic();
			if (dynamic == null || dynamic.lapseRule() == null) {
				errors.put("outcome", "该政策没有规定认定失效的情形");
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Recognition.Status to = Recognition.Status.valueOf(outcome.name());
		r.end(to, new Recognition.Ending(today, reason.strip(), announcement.strip(),
				(plaqueRemovalOn != null) ? plaqueRemovalOn : today, by, this.clock.instant()));
		Recognition saved = this.records.save(r);
		this.audit.record(AuditEntry.success("RECOGNITION_" + outcome.name(), "recognition", saved.id(),
				(outcome == Outcome.REVOKED ? "撤销认定 " : "认定失效 ") + saved.reference() + "（"
						+ saved.request().institutionName() + "）：" + reason.strip(),
				saved.regionCode()));
		RecognitionRequest q = saved.request();
		this.events.publishEvent(new RecognitionRevoked(saved.id(), saved.number(), outcome.name(), q.creditCode(),
				q.operatorName(), q.regionCode(), q.policyId(), today));
		return summary(saved);
	}

	/** One recognition the government user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public RecognitionSummary summary(long recognitionId, CurrentUser user) {
		return summary(get(recognitionId, user));
	}

	/** One recognition by its number that the government user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public RecognitionSummary summaryByNumber(String number, CurrentUser user) {
		Recognition r = this.records.findByNumber((number == null) ? "" : number.strip())
			.filter((x) -> user != null && user.role().isGovernment()
					&& this.regions.contains(user.regionCode(), x.regionCode()))
			.orElseThrow(() -> new NotFoundException("recognition " + number, "本辖区没有编号为 " + number + " 的认定"));
		return summary(r);
	}

	/** One recognition without scope, for modules that reacted to an event or a job. */
	@Transactional(readOnly = true)
	public Optional<RecognitionSummary> find(long recognitionId) {
		return this.records.find(recognitionId).map(Recognitions::summary);
	}

	/** The recognitions an operator (by credit code) holds, in every status. */
	@Transactional(readOnly = true)
	public List<RecognitionSummary> ofCreditCode(String creditCode) {
		if (creditCode == null || creditCode.isBlank()) {
			return List.of();
		}
		return this.records.ofCreditCode(creditCode.strip().toUpperCase()).stream().map(Recognitions::summary).toList();
	}

	/**
	 * The ACTIVE recognitions under a pack in a region and below it, without a user: for
	 * assessment rounds and annual filings, whose callers scope by region themselves.
	 */
	@Transactional(readOnly = true)
	public List<RecognitionSummary> activeWithin(String regionCode, String policyId) {
		return this.records.activeWithin(this.regions.codesWithin(regionCode), policyId)
			.stream()
			.map(Recognitions::summary)
			.toList();
	}

	/** The latest revocation and lapse announcements, within a region (blank for all). */
	@Transactional(readOnly = true)
	public List<RegistryEntry> announcements(String region, int limit) {
		List<String> codes = (region == null || region.isBlank()) ? null : this.regions.codesWithin(region.strip());
		return this.records.ended(codes, Math.max(1, Math.min(limit, 100))).stream().map(Recognitions::entry).toList();
	}

	private PackDefinition packDefinition(String policyId) {
		return this.policies.latest(policyId).definition();
	}

	private static String status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Recognition.Status.valueOf(status.strip().toUpperCase()).name();
		}
		catch (IllegalArgumentException ex) {
			throw new FieldErrorException("status", "状态只能是 ACTIVE、REVOKED 或 LAPSED");
		}
	}

	static RecognitionSummary summary(Recognition r) {
		RecognitionRequest q = r.request();
		Recognition.Ending e = r.ending();
		return new RecognitionSummary(r.id(), r.number(), q.institutionName(), q.operatorName(), q.creditCode(),
				q.kind(), q.level(), q.regionCode(), q.policyId(), q.issuingAuthority(), r.status().name(),
				q.recognizedOn(), (e != null) ? e.on() : null, (e != null) ? e.reason() : null,
				(e != null) ? e.announcement() : null, (e != null) ? e.plaqueRemovalOn() : null, q.institutionId(),
				r.source());
	}

	/** Every title of one institution, the newest first, without any scope check. */
	@Transactional(readOnly = true)
	public List<RecognitionSummary> ofInstitution(long institutionId) {
		return this.records.ofInstitution(institutionId).stream().map(Recognitions::summary).toList();
	}

	/** One recognition of the registry by its number. */
	@Transactional(readOnly = true)
	public Optional<RegistryEntry> byNumber(String number) {
		return this.records.findByNumber(number).map(Recognitions::entry);
	}

	@Transactional(readOnly = true)
	Optional<Recognition> findByNumber(String number) {
		return this.records.findByNumber(number);
	}

	@Transactional(readOnly = true)
	Optional<Recognition> verify(String code) {
		if (code == null || !code.strip().matches("[A-Za-z2-7]{12}")) {
			return Optional.empty();
		}
		return this.records.findByCode(code.strip().toUpperCase());
	}

	/** 认定管理: the titles within the user's region (or a region within it), sortable. */
	ListQuery<Recognition> forBureau(CurrentUser user, String region, String level, String keyword, String status) {
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region))
				? region : user.regionCode();
		return this.records.list(this.regions.codesWithin(scope), level, keyword, status(status));
	}

	@Transactional(readOnly = true)
	Recognition get(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((r) -> user != null && user.role().isGovernment()
					&& this.regions.contains(user.regionCode(), r.regionCode()))
			.orElseThrow(() -> new NotFoundException("recognition " + id));
	}

	private PageResult<Recognition> search(String region, String level, String keyword, String status, Integer page,
			Integer size) {
		List<String> codes = (region == null || region.isBlank()) ? null : this.regions.codesWithin(region.strip());
		return this.records.search(codes, level, keyword, status, page, size);
	}

	String policyTitle(String policyId) {
		if (policyId == null) {
			return null;
		}
		try {
			return this.policies.latest(policyId).title();
		}
		catch (NotFoundException ex) {
			return policyId;
		}
	}

	/** The check of a recognition's HMAC-SM3 seal as stored now. */
	@Transactional(readOnly = true)
	cn.zhongchuang.audit.SealCheck seal(long id) {
		return this.records.sealCheck(id).orElseThrow(() -> new NotFoundException("recognition " + id));
	}

	String regionName(String code) {
		return this.regions.fullName(code);
	}

	private void validate(RecognitionRequest r) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (r.subjectType() == null || !r.subjectType().matches("[a-z_]{1,40}")) {
			errors.put("subjectType", "对象类型不正确");
		}
		requireText(errors, "institutionName", r.institutionName(), "载体名称", 200);
		requireText(errors, "operatorName", r.operatorName(), "运营机构", 200);
		requireText(errors, "issuingAuthority", r.issuingAuthority(), "认定机关", 100);
		if (r.creditCode() == null || !CreditCodes.check(r.creditCode()).valid()) {
			errors.put("creditCode", "统一社会信用代码不正确");
		}
		if (!isEnum(PackDefinition.InstitutionKind.class, r.kind())) {
			errors.put("kind", "载体类型不正确");
		}
		if (r.specialization() != null && !r.specialization().isBlank()
				&& !List.of("COMPREHENSIVE", "SPECIALIZED").contains(r.specialization())) {
			errors.put("specialization", "众创空间类别不正确");
		}
		if (!isEnum(PackDefinition.Level.class, r.level())) {
			errors.put("level", "认定级别不正确");
		}
		if (r.regionCode() == null || this.regions.find(r.regionCode()).isEmpty()) {
			errors.put("regionCode", "请选择有效的行政区划");
		}
		try {
			if (r.policyId() == null) {
				throw new NotFoundException("policy");
			}
			this.policies.latest(r.policyId());
		}
		catch (NotFoundException ex) {
			errors.put("policyId", "没有该政策包");
		}
		if (r.recognizedOn() == null) {
			errors.put("recognizedOn", "请填写认定日期");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
	}

	private static void requireText(Map<String, String> errors, String field, String value, String label, int max) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + label);
		}
		else if (value.strip().length() > max) {
			errors.put(field, label + "不能超过 " + max + " 个字");
		}
	}

	private static <E extends Enum<E>> boolean isEnum(Class<E> type, String name) {
		if (name == null) {
			return false;
		}
		try {
			Enum.valueOf(type, name);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * 兰科众, 朝科众, 辽科众: the first character of the place the authority is named after (for a
	 * district of a municipality, the district), then 科众.
	 */
	static String prefixOf(String authority) {
		return abbreviation(authority) + "科众";
	}

	/**
	 * The character numbers of an authority start with: the first of the place it is
	 * named after (for a district of a municipality, the district; for a municipality
	 * itself its short name 京, 津, 沪, 渝), 国 for the Ministry.
	 */
	static String abbreviation(String authority) {
		String name = authority.strip();
		if (name.startsWith("科学技术部") || name.startsWith("中华人民共和国") || name.startsWith("科技部")) {
			return "国";
		}
		java.util.regex.Matcher municipal = java.util.regex.Pattern.compile("^(北京|上海|天津|重庆)市(.+?[区县])?").matcher(name);
		if (municipal.find()) {
			return (municipal.group(2) != null) ? municipal.group(2).substring(0, 1) : switch (municipal.group(1)) {
				case "北京" -> "京";
				case "上海" -> "沪";
				case "天津" -> "津";
				default -> "渝";
			};
		}
		return name.substring(0, 1);
	}

	static String newCode() {
		char[] code = new char[12];
		for (int i = 0; i < code.length; i++) {
			code[i] = BASE32[RANDOM.nextInt(BASE32.length)];
		}
		return new String(code);
	}

	static RegistryEntry entry(Recognition r) {
		RecognitionRequest q = r.request();
		Recognition.Ending e = r.ending();
		return new RegistryEntry(r.number(), q.institutionName(), q.operatorName(), q.creditCode(), q.kind(),
				q.specialization(), q.level(), q.regionCode(), r.status().name(), q.recognizedOn(),
				Recognition.EXTERNAL.equals(r.source()) ? null : q.policyId(), (e != null) ? e.on() : null,
				(e != null) ? e.announcement() : null, (e != null) ? e.plaqueRemovalOn() : null, q.institutionId(),
				r.source());
	}

	/** The number and verification code a recognition was given. */
	public record Recognized(long id, String number, String verificationCode) {
	}

	/**
	 * One institution of the public registry, as the API shows it; endedOn, announcement
	 * and plaqueRemovalOn are set once it was revoked or lapsed.
	 */
	public record RegistryEntry(String number, String name, String operator, String creditCode, String kind,
			String specialization, String level, String region, String status, LocalDate recognizedOn, String policy,
			LocalDate endedOn, String announcement, LocalDate plaqueRemovalOn, Long institutionId, String source) {
	}

	/** How a recognition ends: REVOKED (fraud) or LAPSED (the pack's lapse rule). */
	public enum Outcome {

		REVOKED, LAPSED

	}

	/**
	 * A recognition for other modules: who holds it, where, under which pack, its status.
	 */
	public record RecognitionSummary(long id, String number, String name, String operator, String creditCode,
			String kind, String level, String regionCode, String policyId, String issuingAuthority, String status,
			LocalDate recognizedOn, LocalDate endedOn, String endReason, String announcement, LocalDate plaqueRemovalOn,
			Long institutionId, String source) {

		public boolean active() {
			return "ACTIVE".equals(this.status);
		}

	}

	/** A recognition was revoked (fraud) or lapsed; status is REVOKED or LAPSED. */
	public record RecognitionRevoked(long recognitionId, String number, String status, String creditCode,
			String operatorName, String regionCode, String policyId, LocalDate endedOn) {
	}

	/**
	 * A title was granted or recorded: {@code policyId} is null for one without a pack
	 * (source EXTERNAL, or granted on a recommendation), {@code number} null for an
	 * external title whose document gives none.
	 */
	public record InstitutionRecognized(long recognitionId, String number, String subjectType, long subjectId,
			String policyId, String regionCode, String level, LocalDate recognizedOn, Long institutionId,
			String source) {

		static InstitutionRecognized of(Recognition r) {
			RecognitionRequest q = r.request();
			return new InstitutionRecognized(r.id(), r.number(), q.subjectType(), q.subjectId(), q.policyId(),
					q.regionCode(), q.level(), q.recognizedOn(), q.institutionId(), r.source());
		}

	}

}
