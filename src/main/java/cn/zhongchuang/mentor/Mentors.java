package cn.zhongchuang.mentor;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.attachment.AttachmentRef;
import cn.zhongchuang.attachment.Attachments;
import cn.zhongchuang.attachment.Policy;
import cn.zhongchuang.attachment.StoredFile;
import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.mentor.MentorCertification.Origin;
import cn.zhongchuang.mentor.MentorCertification.Status;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PageResult;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.region.Region;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 创业导师认定. An operator nominates one of its mentor records, or enters a mentor's own
 * application (自荐: the mentor has no account; the operator's signed-in user applies on
 * the mentor's behalf), for one of its institutions. The certifying authority is the
 * PROVINCE user whose region holds the institution (the province is found from the region
 * tree, so a new jurisdiction needs no code). It certifies (a number of
 * {@link MentorSettings#number}, valid {@link MentorSettings#termYears} years), refuses
 * with a reason, or revokes a certificate with a reason; a certificate lapses the day
 * after its term (nightly {@link MentorLapses}, and on read). A person (by ID number)
 * holds at most one active certificate: the database refuses a second, also when two
 * certifications run at once. Every step is audited (never with the ID number or phone),
 * publishes an event and tells the nominating operator's accounts.
 */
@Service
public class Mentors {

	static final String OWNER = "mentor_certification";

	static final String CATEGORY = "evidence";

	private final MentorRecords records;

	private final Operators operators;

	private final Institutions institutions;

	private final Regions regions;

	private final Attachments attachments;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final MentorSettings settings;

	private final Clock clock;

	Mentors(MentorRecords records, Operators operators, Institutions institutions, Regions regions,
			Attachments attachments, Notifications notifications, AuditTrail audit, ApplicationEventPublisher events,
			MentorSettings settings, Clock clock) {
		this.records = records;
		this.operators = operators;
		this.institutions = institutions;
		this.regions = regions;
		this.attachments = attachments;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** What an operator may nominate: its institutions and its mentor records. */
	@Transactional(readOnly = true)
	Choices choices(CurrentUser user) {
		OperatorOrganisation org = organisationOf(user);
		return new Choices(this.institutions.ofOperator(org.id()), this.operators.mentorRecords(org.id()));
	}

	record Choices(List<InstitutionSummary> institutions, List<Operators.MentorRecord> mentors) {
	}

	/**
	 * The form of a nomination or application; {@code mentorRecordId} given: a nomination
	 * of that record (name, employer and field from it, the field from the form when the
	 * record has none), else an application with name, employer and field typed in.
	 */
	record Form(Long mentorRecordId, Long institutionId, String name, String idNumber, String phone, String field,
			String employer, String experience) {
	}

	/** An uploaded evidence file (may be absent). */
	record Evidence(String filename, InputStream content, long size) {
	}

	/**
	 * Submits a nomination or application of the operator's organisation.
	 * @throws FieldErrorException naming each field in error (idNumber also when the
	 * person already holds an active certificate)
	 */
	@Transactional
	public long submit(Form form, Evidence evidence, CurrentUser user) {
		OperatorOrganisation org = organisationOf(user);
		Map<String, String> errors = new LinkedHashMap<>();
		Operators.MentorRecord record = null;
		if (form.mentorRecordId() != null) {
			record = this.operators.mentorRecords(org.id())
				.stream()
				.filter((m) -> m.id() == form.mentorRecordId())
				.findFirst()
				.orElse(null);
			if (record == null) {
				errors.put("mentorRecordId", "请选择本机构创业导师记录中的导师");
			}
		}
		InstitutionSummary institution = (form.institutionId() == null) ? null
				: this.institutions.ofOperator(org.id())
					.stream()
					.filter((i) -> i.id() == form.institutionId())
					.findFirst()
					.orElse(null);
		if (institution == null) {
			errors.put("institutionId", "请选择本机构运营的孵化载体");
		}
		String name = text(errors, "name", (record != null) ? record.name() : form.name(), "姓名", 50);
		String employer = text(errors, "employer",
				(record != null && record.employer() != null) ? record.employer() : form.employer(), "工作单位", 100);
		String field = text(errors, "field",
				(record != null && record.field() != null && !record.field().isBlank()) ? record.field() : form.field(),
				"擅长领域", 100);
		String experience = text(errors, "experience", form.experience(), "从业经历", 4000);
		String idProblem = IdNumbers.problem(form.idNumber());
		if (idProblem != null) {
			errors.put("idNumber", idProblem);
		}
		String phone = (form.phone() == null) ? "" : form.phone().replaceAll("\\s", "");
		if (phone.isEmpty()) {
			errors.put("phone", "请填写联系电话");
		}
		else if (!phone.matches("(1[3-9][0-9]{9})|(0[0-9]{2,3}-?[0-9]{7,8})")) {
			errors.put("phone", "联系电话应为 11 位手机号或带区号的固定电话");
		}
		String province = (institution != null) ? provinceOf(institution.regionCode()) : null;
		if (institution != null && province == null) {
			errors.put("institutionId", "该载体所在区划没有省级认定部门");
		}
		if (idProblem == null) {
			this.records.activeFor(form.idNumber())
				.filter((c) -> !c.validUntil().isBefore(today()))
				.ifPresent(
						(c) -> errors.put("idNumber", "身份证号 " + IdNumbers.masked(form.idNumber()) + " 的导师已持有有效的创业导师证书（"
								+ c.certificateNumber() + "，有效期至" + ChinaTime.format(c.validUntil()) + "），不能重复申请认定"));
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		Origin origin = (record != null) ? Origin.NOMINATION : Origin.APPLICATION;
		long id = this.records.insert(origin, org.id(), org.name(), (record != null) ? record.id() : null,
				institution.id(), institution.name(), institution.regionCode(), province, name, form.idNumber(), phone,
				field, employer, experience, user.username(), this.clock.instant());
		if (evidence != null && evidence.filename() != null && !evidence.filename().isBlank() && evidence.size() != 0) {
			AttachmentRef ref;
			try {
				ref = this.attachments.store(OWNER, String.valueOf(id), CATEGORY, evidence.filename(),
						evidence.content(), evidence.size(), Policy.of(Policy.MAX_BYTES, 1, Policy.PDF, Policy.IMAGES),
						user);
			}
			catch (FieldErrorException ex) {
				throw new FieldErrorException("evidence", String.join("；", ex.errors().values()));
			}
			this.records.attachEvidence(id, ref.id());
		}
		this.audit.record(AuditEntry.success("MENTOR_SUBMIT", OWNER, id,
				MentorCertification.label(origin) + "创业导师“" + name + "”（" + field + "，" + institution.name() + "）",
				institution.regionCode()));
		this.events.publishEvent(new MentorSubmitted(id, origin.name(), org.id(), institution.id(), province));
		this.notifications.notify(Recipients.roleCovering(Role.PROVINCE, institution.regionCode()), "创业导师认定待审核：" + name,
				org.name() + "为“" + institution.name() + "”" + MentorCertification.label(origin) + "创业导师“" + name + "”（"
						+ field + "），请审核。",
				"/mentor-certifications/" + id);
		return id;
	}

	/**
	 * Certifies a pending nomination: a new certificate number, valid from today for the
	 * term. The person's certificate whose term has ended is lapsed first.
	 * @throws FieldErrorException on {@code idNumber} when the person holds an active
	 * certificate (checked by the database's unique index, so of two concurrent
	 * certifications exactly one passes)
	 * @throws ConflictException when the nomination is no longer pending or was changed
	 */
	@Transactional
	public MentorCertification certify(long id, int version, CurrentUser user) {
		MentorCertification c = decidable(id, user);
		LocalDate today = today();
		this.records.lapseFor(c.idNumber(), today).forEach(this::lapsed);
		Optional<MentorCertification> active = this.records.activeFor(c.idNumber());
		if (active.isPresent()) {
			throw twice(c, active.get().certificateNumber());
		}
		int seq = this.records.nextNumber(c.provinceCode(), today.getYear());
		String number = this.settings.number(c.provinceCode(), this.regions.nameOf(c.provinceCode()), today.getYear(),
				seq);
		LocalDate until = today.plusYears(this.settings.termYears()).minusDays(1);
		boolean done;
		try {
			done = this.records.certify(id, version, number, today, until, user.username(), this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// the person's active certificate committed meanwhile
			// (mentor_active_person_uq), or
			// the number format gives numbers that are not unique
			if (String.valueOf(ex.getMostSpecificCause().getMessage()).contains("mentor_active_person_uq")) {
				throw twice(c, null);
			}
			throw new ConflictException("证书编号 " + number + " 已被使用，请检查证书编号格式设置");
		}
		if (!done) {
			throw new ConflictException("该申请已被处理或已被他人修改，请重新加载");
		}
		this.audit.record(AuditEntry.success("MENTOR_CERTIFY", OWNER, id, "认定创业导师“" + c.name() + "”（" + c.field() + "，"
				+ c.institutionName() + "），证书编号 " + number + "，有效期至 " + until, c.regionCode()));
		this.events.publishEvent(new MentorCertified(id, number, today, until, c.operatorId(), c.provinceCode()));
		tell(c, "创业导师已认定：" + c.name(), "“" + c.name() + "”已通过" + this.regions.nameOf(c.provinceCode()) + "创业导师认定，证书编号 "
				+ number + "，有效期至" + ChinaTime.format(until) + "，已列入公开的创业导师名录。");
		return this.records.find(id).orElseThrow();
	}

	private FieldErrorException twice(MentorCertification c, String number) {
		return new FieldErrorException("idNumber", "身份证号 " + IdNumbers.masked(c.idNumber()) + " 的导师已持有有效的创业导师证书"
				+ ((number != null) ? "（" + number + "）" : "") + "，同一人不能重复认定");
	}

	/** Refuses a pending nomination with a reason. */
	@Transactional
	public MentorCertification refuse(long id, int version, String reason, CurrentUser user) {
		MentorCertification c = decidable(id, user);
		String text = reason(reason, "reason", "不予认定的理由");
		if (!this.records.refuse(id, version, text, user.username(), this.clock.instant())) {
			throw new ConflictException("该申请已被处理或已被他人修改，请重新加载");
		}
		this.audit.record(AuditEntry.success("MENTOR_REFUSE", OWNER, id,
				"不予认定创业导师“" + c.name() + "”（" + c.institutionName() + "）：" + text, c.regionCode()));
		this.events.publishEvent(new MentorRefused(id, c.operatorId(), text));
		tell(c, "创业导师认定未通过：" + c.name(), "“" + c.name() + "”的创业导师认定不予通过。理由：" + text);
		return this.records.find(id).orElseThrow();
	}

	/** Revokes an active certificate with a reason; it shows 已撤销 in the registry. */
	@Transactional
	public MentorCertification revoke(long id, int version, String reason, CurrentUser user) {
		MentorCertification c = decidable(id, user, Status.CERTIFIED);
		String text = reason(reason, "reason", "撤销理由");
		if (!this.records.revoke(id, version, text, today(), user.username())) {
			throw new ConflictException("该证书已被处理或已被他人修改，请重新加载");
		}
		this.audit.record(AuditEntry.success("MENTOR_REVOKE", OWNER, id,
				"撤销创业导师“" + c.name() + "”的证书 " + c.certificateNumber() + "：" + text, c.regionCode()));
		this.events.publishEvent(new MentorCertificateEnded(id, c.certificateNumber(), "REVOKED", text));
		tell(c, "创业导师证书已撤销：" + c.name(), "“" + c.name() + "”的创业导师证书（" + c.certificateNumber() + "）已被撤销。理由：" + text);
		return this.records.find(id).orElseThrow();
	}

	/**
	 * Marks every certificate past its term LAPSED (the nightly job); returns how many.
	 */
	@Transactional
	public int lapseDue() {
		List<MentorCertification> lapsed = this.records.lapse(today());
		lapsed.forEach(this::lapsed);
		return lapsed.size();
	}

	private void lapsed(MentorCertification c) {
		this.audit.record(new AuditEntry("MENTOR_LAPSE", OWNER, String.valueOf(c.id()), AuditEntry.Result.SUCCESS,
				"创业导师“" + c.name() + "”的证书 " + c.certificateNumber() + " 有效期届满（至 " + c.validUntil() + "）",
				c.regionCode(), "system", null));
		this.events.publishEvent(new MentorCertificateEnded(c.id(), c.certificateNumber(), "LAPSED", c.endReason()));
		tell(c, "创业导师证书已到期：" + c.name(), "“" + c.name() + "”的创业导师证书（" + c.certificateNumber() + "）已于"
				+ ChinaTime.format(c.validUntil()) + "到期，不再列为有效；如需继续担任创业导师，请重新推荐认定。");
	}

	private void tell(MentorCertification c, String title, String body) {
		Set<Long> members = new LinkedHashSet<>(this.operators.memberIds(c.operatorId()));
		if (!members.isEmpty()) {
			this.notifications.notify(Recipients.users(members), title, body, "/mentor-certifications/" + c.id());
		}
	}

	private MentorCertification decidable(long id, CurrentUser user) {
		return decidable(id, user, Status.PENDING);
	}

	/**
	 * The row, for the province user of its jurisdiction (404 for anyone else), in the
	 * status expected (409 otherwise).
	 */
	private MentorCertification decidable(long id, CurrentUser user, Status expected) {
		MentorCertification c = this.records.find(id)
			.filter((x) -> mayDecide(x, user))
			.orElseThrow(() -> new NotFoundException("mentor certification " + id));
		if (c.status() != expected) {
			throw new ConflictException(
					(expected == Status.PENDING) ? "该申请已" + MentorCertification.label(c.status()) + "，不能再审核"
							: "该证书当前状态为" + MentorCertification.label(c.statusOn(today())) + "，不能撤销");
		}
		return c;
	}

	boolean mayDecide(MentorCertification c, CurrentUser user) {
		return user != null && user.hasRole(Role.PROVINCE) && this.regions.contains(user.regionCode(), c.regionCode());
	}

	/**
	 * One nomination for its operator's accounts or a government user of its region; 404
	 * otherwise.
	 */
	@Transactional(readOnly = true)
	MentorCertification get(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((c) -> visible(c, user))
			.orElseThrow(() -> new NotFoundException("mentor certification " + id));
	}

	private boolean visible(MentorCertification c, CurrentUser user) {
		if (user.hasRole(Role.OPERATOR)) {
			return this.operators.organisationOf(user).map((o) -> o.id() == c.operatorId()).orElse(false);
		}
		return user.role().isGovernment() && this.regions.contains(user.regionCode(), c.regionCode());
	}

	@Transactional(readOnly = true)
	StoredFile evidence(long id, CurrentUser user) {
		MentorCertification c = get(id, user);
		if (c.evidenceAttachmentId() == null) {
			throw new NotFoundException("evidence of mentor certification " + id);
		}
		return this.attachments.open(OWNER, String.valueOf(id), c.evidenceAttachmentId());
	}

	/**
	 * The certificate in force today of the same person (by ID number) as a pending
	 * nomination, which a certification of it would be refused for; empty otherwise.
	 */
	@Transactional(readOnly = true)
	Optional<MentorCertification> certificateInForceOfSamePerson(MentorCertification c) {
		if (c.status() != Status.PENDING) {
			return Optional.empty();
		}
		return this.records.activeFor(c.idNumber())
			.filter((other) -> other.id() != c.id() && !other.validUntil().isBefore(today()));
	}

	Optional<AttachmentRef> evidenceRef(MentorCertification c) {
		return (c.evidenceAttachmentId() == null) ? Optional.empty() : this.attachments.find(c.evidenceAttachmentId());
	}

	/**
	 * The staff list: an operator's own; a government user's region; nothing for anyone
	 * else.
	 */
	ListQuery<MentorCertification> list(CurrentUser user, String keyword, String status) {
		ListQuery<MentorCertification> list = this.records.list(keyword, validStatus(status));
		if (user.hasRole(Role.OPERATOR)) {
			long operator = this.operators.organisationOf(user).map(OperatorOrganisation::id).orElse(-1L);
			return list.where("operator_id = :operator", "operator", operator);
		}
		if (!user.role().isGovernment()) {
			return list.where("FALSE");
		}
		return list.where("region_code = ANY(:scope)", "scope",
				this.regions.codesWithin(user.regionCode()).toArray(String[]::new));
	}

	private static String validStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Status.valueOf(status.strip()).name();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The public registry of certificates (never an ID number or phone): {@code q}
	 * matches name or field, {@code field} the field exactly; page from 1, size 1–100
	 * (default 20).
	 * @throws FieldErrorException naming q, field, page or size when invalid
	 */
	@Transactional(readOnly = true)
	public PageResult<RegistryEntry> registry(String q, String field, String page, String size) {
		return registry(q, field, false, page, size);
	}

	/**
	 * The public registry as {@link #registry(String, String, String, String)}, only the
	 * certificates in force today when {@code inForceOnly} (the public page's default: a
	 * visitor looks for mentors; revoked and lapsed ones on asking for all).
	 */
	@Transactional(readOnly = true)
	PageResult<RegistryEntry> registry(String q, String field, boolean inForceOnly, String page, String size) {
		Map<String, String> errors = new LinkedHashMap<>();
		String keyword = blankToNull(q);
		if (keyword != null && keyword.length() > 50) {
			errors.put("q", "关键词不能超过 50 个字");
		}
		String f = blankToNull(field);
		if (f != null && f.length() > 100) {
			errors.put("field", "领域不能超过 100 个字");
		}
		int p = number(errors, "page", page, 1, 1, 100_000, "页码应为 1 以上的整数");
		int s = number(errors, "size", size, 20, 1, 100, "每页条数应为 1 到 100 的整数");
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		LocalDate today = today();
		LocalDate inForceOn = inForceOnly ? today : null;
		long total = this.records.registryCount(keyword, f, inForceOn);
		List<RegistryEntry> items = this.records.registry(keyword, f, inForceOn, (p - 1) * s, s)
			.stream()
			.map((c) -> entry(c, today))
			.toList();
		return new PageResult<>(items, total, p, s);
	}

	@Transactional(readOnly = true)
	List<String> registryFields() {
		return this.records.registryFields();
	}

	private RegistryEntry entry(MentorCertification c, LocalDate today) {
		Status status = c.statusOn(today);
		return new RegistryEntry(c.name(), c.field(), c.employer(), c.institutionName(),
				this.regions.nameOf(c.provinceCode()), c.certificateNumber(), c.certifiedOn(), c.validUntil(),
				status.name(), MentorCertification.label(status), c.endedOn());
	}

	/**
	 * One certified mentor as the public sees it.
	 *
	 * @param status CERTIFIED (in force), REVOKED or LAPSED
	 * @param statusLabel 有效 / 已撤销 / 已过期
	 * @param endedOn the day it was revoked or lapsed, null while in force
	 */
	public record RegistryEntry(String name, String field, String employer, String institution, String province,
			String certificateNumber, LocalDate certifiedOn, LocalDate validUntil, String status, String statusLabel,
			LocalDate endedOn) {
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	String regionName(String code) {
		return this.regions.fullName(code);
	}

	int termYears() {
		return this.settings.termYears();
	}

	private String provinceOf(String regionCode) {
		return this.regions.path(regionCode)
			.stream()
			.filter((r) -> r.level() == Region.Level.PROVINCE)
			.map(Region::code)
			.findFirst()
			.orElse(null);
	}

	private OperatorOrganisation organisationOf(CurrentUser user) {
		return this.operators.organisationOf(user)
			.orElseThrow(() -> new FieldErrorException("institutionId", "请先登记运营机构，再推荐创业导师"));
	}

	private static String text(Map<String, String> errors, String key, String value, String label, int max) {
		String v = (value == null) ? "" : value.strip();
		if (v.isEmpty()) {
			errors.put(key, "请填写" + label);
		}
		else if (v.length() > max) {
			errors.put(key, label + "不能超过 " + max + " 个字");
		}
		return v;
	}

	private static String reason(String reason, String key, String label) {
		String v = (reason == null) ? "" : reason.strip();
		if (v.isEmpty()) {
			throw new FieldErrorException(key, "请填写" + label);
		}
		if (v.length() > 1000) {
			throw new FieldErrorException(key, label + "不能超过 1000 个字");
		}
		return v;
	}

	private static int number(Map<String, String> errors, String key, String value, int dflt, int min, int max,
			String message) {
		if (value == null || value.isBlank()) {
			return dflt;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		errors.put(key, message);
		return dflt;
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/** A nomination or application was submitted (origin NOMINATION or APPLICATION). */
	public record MentorSubmitted(long certificationId, String origin, long operatorId, long institutionId,
			String provinceCode) {
	}

	/** A mentor was certified: the certificate's number and term (both days included). */
	public record MentorCertified(long certificationId, String certificateNumber, LocalDate certifiedOn,
			LocalDate validUntil, long operatorId, String provinceCode) {
	}

	/** A nomination was refused with the reason. */
	public record MentorRefused(long certificationId, long operatorId, String reason) {
	}

	/** A certificate ended: status REVOKED (with the reason) or LAPSED. */
	public record MentorCertificateEnded(long certificationId, String certificateNumber, String status, String reason) {
	}

}
