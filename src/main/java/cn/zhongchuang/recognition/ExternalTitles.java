package cn.zhongchuang.recognition;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.attachment.AttachmentRef;
import cn.zhongchuang.attachment.Attachments;
import cn.zhongchuang.attachment.Policy;
import cn.zhongchuang.attachment.StoredFile;
import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.institution.InstitutionKind;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.notification.Notifications;
import cn.zhongchuang.notification.Recipients;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.reference.CreditCodes;
import cn.zhongchuang.region.Regions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 外部认定: a title another authority granted (a national 备案 by the Ministry, a provincial
 * title), recorded by a user acting at CITY, PROVINCE or NATIONAL level
 * ({@link TitleLevels}) from the document: level, 文号, date, issuing authority, the
 * title's own number when the document gives one, and the scan as evidence (required).
 * The title is stored as a recognition with source EXTERNAL and no pack; it counts and
 * ends like any other. Everything is written in one transaction, the scan included: a
 * refused scan leaves nothing behind.
 */
@Service
class ExternalTitles {

	/** Owner type of the scans in the attachment module. */
	static final String OWNER = "external_title";

	static final String CATEGORY = "evidence";

	private static final Set<String> RECORDING_LEVELS = Set.of("CITY", "PROVINCE", "NATIONAL");

	private final RecognitionRecords records;

	private final Recognitions recognitions;

	private final Institutions institutions;

	private final Attachments attachments;

	private final TitleLevels levels;

	private final Regions regions;

	private final Operators operators;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ExternalTitles(RecognitionRecords records, Recognitions recognitions, Institutions institutions,
			Attachments attachments, TitleLevels levels, Regions regions, Operators operators,
			Notifications notifications, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.records = records;
		this.recognitions = recognitions;
		this.institutions = institutions;
		this.attachments = attachments;
		this.levels = levels;
		this.regions = regions;
		this.operators = operators;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the user may record external titles: one acting at city level or above. */
	boolean mayRecord(CurrentUser user) {
		return this.levels.levelOf(user).map(RECORDING_LEVELS::contains).orElse(false);
	}

	/**
	 * Records an external title. The institution is the one {@code form.institutionId()}
	 * names (within the user's region, 404 otherwise) or one known only from the document
	 * (found by credit code and name, else registered).
	 * @throws FieldErrorException naming each field in error: {@code evidence} without a
	 * scan or with a file that is not a PDF or an image, {@code level} when the
	 * institution already holds an ACTIVE title at that level, {@code documentDate},
	 * {@code titleNumber}, …
	 */
	@Transactional
	Recognition record(Form form, Evidence evidence, CurrentUser user) {
		if (!mayRecord(user)) {
			throw new NotFoundException("external titles for " + ((user != null) ? user.username() : null));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String level = trim(form.level());
		if (TitleLevels.rank(level) < 0) {
			errors.put("level", "请选择认定级别");
			level = null;
		}
		String document = trim(form.documentNumber());
		requireText(errors, "documentNumber", document, "文号", 100);
		LocalDate date = date(errors, form.documentDate());
		String authority = trim(form.authority());
		requireText(errors, "authority", authority, "认定机关", 100);
		String number = trim(form.titleNumber());
		if (number != null) {
			if (number.length() > 60) {
				errors.put("titleNumber", "称号编号不能超过 60 个字");
			}
			else if (this.records.findByNumber(number).isPresent()) {
				errors.put("titleNumber", "编号 " + number + " 已有登记，请核对文件上的编号");
			}
		}
		String designation = trim(form.designation());
		if (designation != null && designation.length() > 100) {
			errors.put("designation", "称号名称不能超过 100 个字");
		}
		InstitutionSummary institution = null;
		if (form.institutionId() != null) {
			institution = this.institutions.get(form.institutionId(), user);
		}
		else {
			validateHolder(errors, form, user);
		}
		if (evidence == null || evidence.size() == 0 || evidence.content() == null) {
			errors.put("evidence", "请上传认定文件的扫描件（PDF 或图片），外部认定须有文件为证");
		}
		if (institution != null && level != null) {
			this.records.activeAt(institution.id(), level)
				.ifPresent((held) -> errors.put("level", "该载体已持有有效的" + Recognitions.levelLabel(held.request().level())
						+ "称号（" + held.reference() + "），同一级别只能有一个有效称号"));
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		if (institution == null) {
			long id = this.institutions.resolve(new Institutions.TitleHolder(trim(form.operatorName()),
					trim(form.creditCode()).toUpperCase(), trim(form.institutionName()), trim(form.kind()),
					trim(form.specialization()), trim(form.regionCode())), user.username());
			institution = this.institutions.find(id).orElseThrow();
			if (!this.regions.contains(user.regionCode(), institution.regionCode())) {
				// the credit code and name are those of an institution elsewhere
				throw new FieldErrorException("regionCode",
						"该运营机构的同名载体位于" + this.regions.fullName(institution.regionCode()) + "，不在您的管辖范围内");
			}
			this.recognitions.requireNoActiveTitleAt(id, level);
		}
		RecognitionRequest request = new RecognitionRequest(OWNER, institution.id(), institution.name(),
				institution.operatorName(), institution.operatorCreditCode(), institution.kind().name(),
				institution.specialization(), level, institution.regionCode(), null, authority, date, institution.id());
		Recognition saved;
		try {
			saved = this.records.save(Recognition.external(number, Recognitions.newCode(), request,
					new Recognition.Basis(designation, document, date, null, null), user.username(),
					this.clock.instant()));
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// a concurrent grant took the level (recognition_active_level_uq) or the
			// number
			throw new FieldErrorException("level", "该载体已持有有效的" + Recognitions.levelLabel(level) + "称号，同一级别只能有一个有效称号");
		}
		AttachmentRef scan;
		try {
			scan = this.attachments.store(OWNER, String.valueOf(saved.id()), CATEGORY, evidence.filename(),
					evidence.content(), evidence.size(), Policy.of(Policy.MAX_BYTES, 1, Policy.PDF, Policy.IMAGES),
					user);
		}
		catch (FieldErrorException ex) {
			throw new FieldErrorException("evidence", String.join("；", ex.errors().values()));
		}
		this.records.attachEvidence(saved.id(), scan.id());
		this.audit.record(AuditEntry.success("RECOGNITION_EXTERNAL", "recognition", saved.id(),
				"登记外部认定：“" + institution.name() + "”" + Recognitions.levelLabel(level) + "称号"
						+ ((designation != null) ? "“" + designation + "”" : "") + "，" + authority + " " + document
						+ ((number != null) ? "，编号 " + number : ""),
				institution.regionCode()));
		if (institution.operatorId() != null) {
			Set<Long> members = new LinkedHashSet<>(this.operators.memberIds(institution.operatorId()));
			if (!members.isEmpty()) {
				this.notifications.notify(Recipients.users(members),
						"已登记外部认定：" + institution.name() + "（" + Recognitions.levelLabel(level) + "）",
						authority + "的认定文件（" + document + "，" + ZhDates.format(date) + "）已由" + displayAuthority(user)
								+ "登记为“" + institution.name() + "”的" + Recognitions.levelLabel(level) + "称号。",
						"/institutions/" + institution.id());
			}
		}
		Recognition stored = this.records.find(saved.id()).orElseThrow();
		this.events.publishEvent(Recognitions.InstitutionRecognized.of(stored));
		return stored;
	}

	/** The scan of an external title the government user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	StoredFile evidence(long recognitionId, CurrentUser user) {
		Recognition r = this.recognitions.get(recognitionId, user);
		if (!r.external() || r.basis().evidenceAttachmentId() == null) {
			throw new NotFoundException("evidence of recognition " + recognitionId);
		}
		return this.attachments.open(OWNER, String.valueOf(r.id()), r.basis().evidenceAttachmentId());
	}

	/** The institutions of the user's region it may record a title for, by name. */
	@Transactional(readOnly = true)
	List<InstitutionSummary> candidates(CurrentUser user, String keyword) {
		return this.institutions.search(null, null, keyword, 1, 100, user).items();
	}

	private void validateHolder(Map<String, String> errors, Form form, CurrentUser user) {
		requireText(errors, "institutionName", trim(form.institutionName()), "载体名称", 100);
		String kind = trim(form.kind());
		InstitutionKind k = null;
		try {
			k = InstitutionKind.valueOf(String.valueOf(kind));
		}
		catch (IllegalArgumentException ex) {
			errors.put("kind", "请选择载体类型");
		}
		String spec = trim(form.specialization());
		if (k != null && k.hasSpecialization() && spec != null
				&& !List.of("COMPREHENSIVE", "SPECIALIZED").contains(spec)) {
			errors.put("specialization", "请选择综合性或专业化");
		}
		String region = trim(form.regionCode());
		if (region == null || this.regions.find(region).isEmpty()) {
			errors.put("regionCode", "请选择载体所在的行政区划");
		}
		else if (!this.regions.contains(user.regionCode(), region)) {
			errors.put("regionCode", "该区划不在您的管辖范围内");
		}
		requireText(errors, "operatorName", trim(form.operatorName()), "运营机构名称", 200);
		String code = trim(form.creditCode());
		if (code == null || !CreditCodes.check(code).valid()) {
			errors.put("creditCode", "运营机构的统一社会信用代码不正确");
		}
	}

	private LocalDate date(Map<String, String> errors, String raw) {
		String text = trim(raw);
		if (text == null) {
			errors.put("documentDate", "请填写发文日期");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.isAfter(ChinaTime.today(this.clock))) {
				errors.put("documentDate", "发文日期不能晚于今天");
			}
			else if (date.getYear() < 1990) {
				errors.put("documentDate", "发文日期不正确");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			errors.put("documentDate", "发文日期格式不正确，请按 2026-05-20 填写");
			return null;
		}
	}

	private String displayAuthority(CurrentUser user) {
		return this.levels.levelOf(user).map((l) -> this.levels.authorityOf(l, user.regionCode())).orElse("主管部门");
	}

	private static void requireText(Map<String, String> errors, String field, String value, String label, int max) {
		if (value == null) {
			errors.put(field, "请填写" + label);
		}
		else if (value.length() > max) {
			errors.put(field, label + "不能超过 " + max + " 个字");
		}
	}

	static String trim(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/**
	 * What the clerk types from the document. Either {@code institutionId} (an
	 * institution of the region) or the holder as the document names it (name, kind,
	 * specialization, region, operator name and credit code).
	 */
	record Form(Long institutionId, String institutionName, String kind, String specialization, String regionCode,
			String operatorName, String creditCode, String level, String documentNumber, String documentDate,
			String authority, String titleNumber, String designation) {
	}

	/**
	 * The form as posted (page or API): every field as text; {@code institutionId} blank
	 * or {@code new} for an institution known only from the document.
	 */
	record Request(String institutionId, String institutionName, String kind, String specialization, String regionCode,
			String operatorName, String creditCode, String level, String documentNumber, String documentDate,
			String authority, String titleNumber, String designation) {

		Form form() {
			String id = trim(this.institutionId);
			Long institution = null;
			if (id != null && !"new".equals(id)) {
				try {
					institution = Long.valueOf(id);
				}
				catch (NumberFormatException ex) {
					throw new FieldErrorException("institutionId", "请选择载体");
				}
			}
			return new Form(institution, this.institutionName, this.kind, this.specialization, this.regionCode,
					this.operatorName, this.creditCode, this.level, this.documentNumber, this.documentDate,
					this.authority, this.titleNumber, this.designation);
		}

	}

	/** The uploaded scan: its name, bytes and declared size (-1 when unknown). */
	record Evidence(String filename, InputStream content, long size) {
	}

}
