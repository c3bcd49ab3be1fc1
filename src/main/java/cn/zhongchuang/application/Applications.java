package cn.zhongchuang.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhongchuang.application.ApplicationRecords.Fact;
import cn.zhongchuang.application.ApplicationRecords.MaterialState;
import cn.zhongchuang.application.ApplicationRecords.Origin;
import cn.zhongchuang.attachment.AttachmentRef;
import cn.zhongchuang.attachment.Attachments;
import cn.zhongchuang.attachment.Policy;
import cn.zhongchuang.attachment.StoredFile;
import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.expert.ExpertPanels;
import cn.zhongchuang.expert.Results;
import cn.zhongchuang.expert.Subject;
import cn.zhongchuang.operator.OperatorFacts;
import cn.zhongchuang.institution.InstitutionForm;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ListQuery;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.ComputedFacts;
import cn.zhongchuang.policy.InvalidFactsException;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PackDefinition.ReviewStage;
import cn.zhongchuang.policy.PolicyCatalog;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.policy.Verdict;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.region.Regions;
import cn.zhongchuang.sanction.Ban;
import cn.zhongchuang.sanction.Sanctions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for recognition: drafting (facts and materials), submission, the staged
 * review in the pack's order, return and resubmission, rejection and withdrawal. Scope:
 * an operator reaches only their organisation's applications; a government user those
 * within their region; everyone else nothing (404).
 */
@Service
public class Applications {

	static final String OWNER_TYPE = "application";

	private final ApplicationRecords records;

	private final Operators operators;

	private final Institutions institutions;

	private final PolicyCatalog catalog;

	private final Attachments attachments;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Recognitions recognitions;

	private final ExpertPanels panels;

	private final Sanctions sanctions;

	private final ComputedFacts computedFacts;

	private final Clock clock;

	Applications(ApplicationRecords records, Operators operators, Institutions institutions, PolicyCatalog catalog,
			Attachments attachments, Regions regions, AuditTrail audit, ApplicationEventPublisher events,
			Recognitions recognitions, ExpertPanels panels, Sanctions sanctions, ComputedFacts computedFacts,
			Clock clock) {
		this.records = records;
		this.computedFacts = computedFacts;
		this.institutions = institutions;
		this.sanctions = sanctions;
		this.recognitions = recognitions;
		this.panels = panels;
		this.operators = operators;
		this.catalog = catalog;
		this.attachments = attachments;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// --- public API for other modules

	/** An application by id, without scope: for modules that reacted to its events. */
	@Transactional(readOnly = true)
	public Optional<ApplicationSummary> find(long id) {
		return this.records.findById(id).map(Application::summary);
	}

	/** An application the user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public ApplicationSummary get(long id, CurrentUser user) {
		return visible(id, user).summary();
	}

	// --- operator

	/**
	 * The packs an operator may apply under: those whose jurisdiction holds its region.
	 */
	List<PolicyPack> packsFor(OperatorOrganisation org) {
		return this.catalog.all()
			.stream()
			.filter((p) -> this.regions.contains(p.jurisdiction(), org.regionCode()))
			.toList();
	}

	Optional<OperatorOrganisation> organisationOf(CurrentUser user) {
		return this.operators.organisationOf(user);
	}

	OperatorOrganisation requireOrganisation(CurrentUser user) {
		return this.operators.organisationOf(user)
			.orElseThrow(() -> new FieldErrorException("operator", "请先在「我的机构」登记运营机构"));
	}

	@Transactional(readOnly = true)
	List<Application> mine(CurrentUser user) {
		return this.operators.organisationOf(user).map((o) -> this.records.ofOperator(o.id())).orElse(List.of());
	}

	/**
	 * Opens a draft for a new institution of the operator's organisation: the institution
	 * is registered from what the form names (the pack's kind, the space name, region and
	 * specialization) in the same transaction.
	 */
	@Transactional
	Application create(CurrentUser user, String policyId, String spaceName, String regionCode, String specialization) {
		OperatorOrganisation org = requireOrganisation(user);
		requireNotBanned(org.creditCode(), "policyId");
		Map<String, String> errors = new LinkedHashMap<>();
		PolicyPack pack = pack(org, policyId, errors);
		String name = (spaceName == null) ? "" : spaceName.strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.put("spaceName", "请填写空间名称（100 字以内）");
		}
		String region = (regionCode == null || regionCode.isBlank()) ? org.regionCode() : regionCode.strip();
		if (pack != null
				&& (this.regions.find(region).isEmpty() || !this.regions.contains(pack.jurisdiction(), region))) {
			errors.put("regionCode", "空间所在区划须在政策适用范围（" + this.regions.fullName(pack.jurisdiction()) + "）之内");
		}
		String spec = specialization(specialization, pack);
		if (spec == null) {
			errors.put("specialization", "请选择综合型或专业化");
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String kind = pack.definition().kind().name();
		InstitutionSummary institution = this.institutions.register(new InstitutionForm(name, kind,
				"MAKER_SPACE".equals(kind) ? spec : null, List.of(), null, region, null, false, null, null, List.of()),
				user);
		return draft(user, org, pack, institution, spec);
	}

	/**
	 * Opens a draft for an institution the operator already runs, under a pack whose
	 * jurisdiction holds it and whose kind is the institution's; one open application per
	 * institution and pack.
	 */
	@Transactional
	Application open(CurrentUser user, String policyId, long institutionId) {
		OperatorOrganisation org = requireOrganisation(user);
		requireNotBanned(org.creditCode(), "policyId");
		Map<String, String> errors = new LinkedHashMap<>();
		PolicyPack pack = pack(org, policyId, errors);
		InstitutionSummary institution = this.institutions.mine(user)
			.stream()
			.filter((i) -> i.id() == institutionId)
			.findFirst()
			.orElse(null);
		if (institution == null) {
			errors.put("institutionId", "请选择本机构的载体");
		}
		else if (pack != null) {
			if (!this.regions.contains(pack.jurisdiction(), institution.regionCode())) {
				errors.put("institutionId", "该载体所在区划不在政策适用范围（" + this.regions.fullName(pack.jurisdiction()) + "）之内");
			}
			else if (!pack.definition().serves(institution.kind().name())) {
				errors.put("institutionId",
						"该政策用于认定"
								+ String.join("、",
										pack.definition().kinds().stream().map((k) -> kindLabel(k.name())).toList())
								+ "，所选载体是" + kindLabel(institution.kind().name()));
			}
			else if (this.records.ofOperator(org.id())
				.stream()
				.anyMatch((a) -> a.institutionId() == institutionId && a.policyId().equals(pack.id())
						&& !a.status().isFinal())) {
				errors.put("institutionId", "该载体已有按此政策进行中的申请");
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		String spec = (institution.specialization() != null) ? institution.specialization()
				: specialization(null, pack);
		return draft(user, org, pack, institution, (spec != null) ? spec : "COMPREHENSIVE");
	}

	private PolicyPack pack(OperatorOrganisation org, String policyId, Map<String, String> errors) {
		if (policyId == null || policyId.isBlank()) {
			errors.put("policyId", "请选择政策");
			return null;
		}
		PolicyPack pack = packsFor(org).stream().filter((p) -> p.id().equals(policyId)).findFirst().orElse(null);
		if (pack == null) {
			errors.put("policyId", "该政策不适用于本机构所在区划");
		}
		else if (pack.definition().review() == null || pack.definition().review().stages().isEmpty()) {
			// a pack without review stages serves the self-check only
			errors.put("policyId", "该政策未规定审查环节，只能用于政策自查，不能据以申报");
			return null;
		}
		return pack;
	}

	private Application draft(CurrentUser user, OperatorOrganisation org, PolicyPack pack,
			InstitutionSummary institution, String spec) {
		Instant now = this.clock.instant();
		Application saved = this.records.save(Application.draft(org.id(), institution.id(), org.name(), pack.id(),
				institution.regionCode(), institution.name(), institution.kind().name(), spec, user.username(), now));
		this.records.addDecision(saved.id(), null, null, "CREATE", null, user.username(), user.displayName(),
				user.role().name(), now);
		this.audit.record(AuditEntry.success("APPLICATION_CREATE", OWNER_TYPE, saved.id(),
				"新建认定申请 " + institution.name() + "（" + pack.title() + "）", institution.regionCode()));
		return saved;
	}

	private static String kindLabel(String kind) {
		return switch (kind) {
			case "MAKER_SPACE" -> "众创空间";
			case "NURSERY" -> "创业苗圃";
			case "INCUBATOR" -> "孵化器";
			case "ACCELERATOR" -> "加速器";
			case "UNIVERSITY_SCIENCE_PARK" -> "大学科技园";
			case "RETURNEE_PARK" -> "留学人员创业园";
			case "SMALL_BUSINESS_BASE" -> "小企业创业基地";
			case "INDUSTRIAL_PARK" -> "产业园";
			case "MAKER_SPACE_CLUSTER" -> "众创集聚区";
			default -> kind;
		};
	}

	/** The operator's institutions, for the new-application page. */
	@Transactional(readOnly = true)
	List<InstitutionSummary> institutionsOf(CurrentUser user) {
		return this.institutions.mine(user);
	}

	/** The ban on the organisation today, if any (for the new-application page). */
	@Transactional(readOnly = true)
	Optional<Ban> banOf(OperatorOrganisation org) {
		return this.sanctions.activeBan(org.creditCode(), today());
	}

	/**
	 * An operator under a ban may neither open nor submit an application, under any pack
	 * and at any level: the field error names the end date.
	 */
	private void requireNotBanned(String creditCode, String field) {
		Optional<Ban> ban = this.sanctions.activeBan(creditCode, today());
		if (ban.isPresent()) {
			throw new FieldErrorException(field, ban.get().message());
		}
	}

	private static String specialization(String given, PolicyPack pack) {
		if (given == null || given.isBlank()) {
			return (pack != null && pack.definition().specialization() != null) ? pack.definition().specialization()
					: "COMPREHENSIVE";
		}
		return (given.equals("COMPREHENSIVE") || given.equals("SPECIALIZED")) ? given : null;
	}

	/**
	 * Saves what the operator declared: {@code d.<path>} for facts the records do not
	 * establish, {@code o.<path>} with {@code r.<path>} to override a computed one (only
	 * with a reason). Blank fields are not given.
	 */
	@Transactional
	FormView saveFacts(long id, CurrentUser user, Map<String, String> form) {
		Application app = own(id, user);
		app.requireEditable();
		OperatorFacts computed = computed(app);
		Map<String, String> errors = new LinkedHashMap<>();
		List<Fact> facts = new ArrayList<>();
		for (SpaceFactFields.Field field : SpaceFactFields.of(packOf(app).definition())) {
			String path = field.path();
			boolean isComputed = computed.isComputed(path);
			String raw = form.get((isComputed ? "o." : "d.") + path);
			Optional<String> value;
			try {
				value = SpaceFactFields.parse(field, raw);
			}
			catch (IllegalArgumentException ex) {
				errors.put((isComputed ? "o." : "d.") + path, ex.getMessage());
				continue;
			}
			if (value.isEmpty()) {
				continue;
			}
			if (isComputed) {
				String reason = form.getOrDefault("r." + path, "").strip();
				if (reason.isEmpty()) {
					errors.put("r." + path, "更正系统计算的数值须说明理由");
					continue;
				}
				facts.add(new Fact(path, value.get(), Origin.OVERRIDDEN, computed.sources().get(path),
						reason.substring(0, Math.min(reason.length(), 500))));
			}
			else {
				facts.add(new Fact(path, value.get(), Origin.DECLARED, null, null));
			}
		}
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
		this.records.replaceFacts(app.id(), facts);
		this.audit.record(AuditEntry.success("APPLICATION_FACTS", OWNER_TYPE, app.id(),
				"保存申报事实 " + facts.size() + " 项（申请 " + app.spaceName() + "）", app.regionCode()));
		return formView(app);
	}

	/** The form: computed and declared facts, the live verdict, the materials. */
	@Transactional(readOnly = true)
	FormView form(long id, CurrentUser user) {
		return formView(visible(id, user));
	}

	private FormView formView(Application app) {
		PolicyPack pack = packOf(app);
		List<FactRow> rows = factRows(app);
		Verdict verdict = evaluate(app, pack, rows);
		return new FormView(app, pack, rows, verdict, materials(app, pack));
	}

	/** Facts for the form: computed (live while editable, the snapshot afterwards). */
	private List<FactRow> factRows(Application app) {
		List<Fact> stored = this.records.facts(app.id());
		Map<String, Fact> byPath = new LinkedHashMap<>();
		stored.forEach((f) -> byPath.put(f.path(), f));
		List<FactRow> rows = new ArrayList<>();
		OperatorFacts computed = app.editable() ? computed(app) : null;
		for (SpaceFactFields.Field field : SpaceFactFields.of(packOf(app).definition())) {
			Fact fact = byPath.get(field.path());
			if (computed != null && computed.isComputed(field.path())) {
				String value = SpaceFactFields.toJson(computed.facts().get(field.path()));
				rows.add(new FactRow(field, value, Origin.COMPUTED, computed.sources().get(field.path()),
						(fact != null && fact.origin() == Origin.OVERRIDDEN) ? fact : null));
			}
			else if (computed == null && fact != null && fact.origin() != Origin.DECLARED) {
				Fact override = (fact.origin() == Origin.OVERRIDDEN) ? fact : null;
				String value = (override != null) ? byPath.getOrDefault("computed:" + field.path(), fact).value()
						: fact.value();
				rows.add(new FactRow(field, value, Origin.COMPUTED, fact.source(), override));
			}
			else {
				rows.add(new FactRow(field, (fact != null) ? fact.value() : null, Origin.DECLARED, null, null));
			}
		}
		return rows;
	}

	private Verdict evaluate(Application app, PolicyPack pack, List<FactRow> rows) {
		Map<String, String> values = new LinkedHashMap<>();
		for (FactRow row : rows) {
			String value = row.effectiveValue();
			if (value != null) {
				values.put(row.field().path(), value);
			}
		}
		OperatorFacts computed = app.editable() ? computed(app) : null;
		if (computed != null && computed.facts().containsKey("funds")) {
			values.put("funds", SpaceFactFields.toJson(computed.facts().get("funds")));
		}
		if (pack.definition().facts().stream().anyMatch((f) -> f.path().equals("institution.kind"))) {
			// the kind of the institution applied for, as registered
			values.put("institution.kind", SpaceFactFields.toJson(app.kind()));
		}
		LocalDate asOf = (app.submittedOn() != null && !app.editable()) ? app.submittedOn() : today();
		if (!values.containsKey("operator.bannedUntil")) {
			this.operators.find(app.operatorId())
				.flatMap((org) -> this.sanctions.activeBan(org.creditCode(), asOf))
				.ifPresent((ban) -> values.put("operator.bannedUntil", SpaceFactFields.toJson(ban.endsOn())));
		}
		try {
			return pack.evaluateSpace(SpaceFactFields.toFacts(values, asOf, app.specialization()));
		}
		catch (InvalidFactsException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.put("d." + e.field(), e.message()));
			throw new FieldErrorException(errors);
		}
	}

	/**
	 * The facts the application's pack computes (its {@code source: computed:} facts)
	 * from the institution's records today.
	 */
	private OperatorFacts computed(Application app) {
		ComputedFacts.Result result = this.computedFacts.of(packOf(app).definition(), app.institutionId(), today());
		return new OperatorFacts(app.operatorId(), today(), result.facts(), result.sources());
	}

	List<MaterialState> materials(Application app, PolicyPack pack) {
		List<AttachmentRef> files = this.attachments.list(OWNER_TYPE, String.valueOf(app.id()));
		List<MaterialState> states = new ArrayList<>();
		for (PackDefinition.Material m : pack.definition().materials()) {
			states.add(new MaterialState(m.code(), m.name(), m.required(), m.note(),
					files.stream().filter((f) -> f.category().equals(m.code())).toList()));
		}
		return states;
	}

	/** Uploads a file for one material of the pack's list. */
	@Transactional
	AttachmentRef upload(long id, String materialCode, String filename, InputStream content, long size,
			CurrentUser user) {
		Application app = own(id, user);
		app.requireEditable();
		PolicyPack pack = packOf(app);
		if (pack.definition().materials().stream().noneMatch((m) -> m.code().equals(materialCode))) {
			throw new NotFoundException("material " + materialCode);
		}
		return this.attachments.store(OWNER_TYPE, String.valueOf(app.id()), materialCode, filename, content, size,
				Policy.materials(), user);
	}

	@Transactional
	void deleteAttachment(long id, long attachmentId, CurrentUser user) {
		Application app = own(id, user);
		app.requireEditable();
		this.attachments.delete(OWNER_TYPE, String.valueOf(app.id()), attachmentId, user);
	}

	/** An attachment of an application the user may see; 404 otherwise. */
	@Transactional(readOnly = true)
	StoredFile open(long id, long attachmentId, CurrentUser user) {
		Application app = visible(id, user);
		return this.attachments.open(OWNER_TYPE, String.valueOf(app.id()), attachmentId);
	}

	/**
	 * Submits once: the row is locked, so a double click or a retry with the same key
	 * finds it submitted and changes nothing.
	 */
	@Transactional
	Application submit(long id, String key, CurrentUser user) {
		own(id, user);
		Application app = this.records.lock(id).orElseThrow(() -> new NotFoundException("application " + id));
		if (key != null && !key.isBlank() && key.equals(app.submissionKey())) {
			return app;
		}
		LocalDate today = today();
		this.operators.find(app.operatorId()).ifPresent((org) -> requireNotBanned(org.creditCode(), "ban"));
		PolicyPack pack = this.catalog.inForce(app.policyId(), today);
		FormView view = formView(app);
		requireMaterials(view.materials());
		String submissionKey = (key == null || key.isBlank()) ? java.util.UUID.randomUUID().toString() : key;
		app.submit(pack.version(), pack.definition().review().stages(), submissionKey, today,
				view.verdict().outcome().name(), SpaceFactFields.json.writeValueAsString(view.verdict()));
		Application saved;
		try {
			saved = this.records.save(app);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("该提交已处理，请刷新页面");
		}
		snapshot(saved, view);
		this.records.addDecision(saved.id(), null, null, "SUBMIT", null, user.username(), user.displayName(),
				user.role().name(), this.clock.instant());
		this.audit.record(
				AuditEntry.success(
						"APPLICATION_SUBMIT", OWNER_TYPE, saved.id(), "提交认定申请 " + saved.spaceName() + "（" + pack.title()
								+ " " + pack.version() + "，自查结论 " + view.verdict().outcome() + "）",
						saved.regionCode()));
		publish(app);
		return saved;
	}

	/** Answers a return for revision: back to the stage that returned it. */
	@Transactional
	Application resubmit(long id, int version, CurrentUser user) {
		Application app = own(id, user);
		requireVersion(app, version);
		this.operators.find(app.operatorId()).ifPresent((org) -> requireNotBanned(org.creditCode(), "ban"));
		FormView view = formView(app);
		requireMaterials(view.materials());
		app.resubmit(stagesOf(app), view.verdict().outcome().name(),
				SpaceFactFields.json.writeValueAsString(view.verdict()));
		Application saved = this.records.save(app);
		snapshot(saved, view);
		this.records.addDecision(saved.id(), saved.currentStage(), saved.currentStageName(), "RESUBMIT", null,
				user.username(), user.displayName(), user.role().name(), this.clock.instant());
		this.audit.record(AuditEntry.success("APPLICATION_RESUBMIT", OWNER_TYPE, saved.id(),
				"补正后重新提交 " + saved.spaceName() + "，回到「" + saved.currentStageName() + "」", saved.regionCode()));
		publish(app);
		return saved;
	}

	@Transactional
	Application withdraw(long id, int version, CurrentUser user) {
		Application app = own(id, user);
		requireVersion(app, version);
		app.withdraw(user.username());
		Application saved = this.records.save(app);
		this.records.addDecision(saved.id(), null, null, "WITHDRAW", null, user.username(), user.displayName(),
				user.role().name(), this.clock.instant());
		this.audit.record(AuditEntry.success("APPLICATION_WITHDRAW", OWNER_TYPE, saved.id(),
				"撤回认定申请 " + saved.spaceName(), saved.regionCode()));
		publish(app);
		return saved;
	}

	// --- reviewers

	/**
	 * The user's 待办: applications waiting at a stage their role decides, in their region.
	 */
	@Transactional(readOnly = true)
	List<Application> queue(CurrentUser user, String policyId, String q) {
		if (!user.role().isGovernment()) {
			return List.of();
		}
		return this.records.queue(user.role().name(), this.regions.codesWithin(user.regionCode()), policyId, q);
	}

	/**
	 * The list of 认定审查: the user's 待办 ({@code all} false) or everything submitted within
	 * the user's region; nothing for anyone but government.
	 */
	ListQuery<Application> list(CurrentUser user, boolean all, String policyId, String q) {
		if (!user.role().isGovernment()) {
			return this.records.list(List.of(), null, policyId, q);
		}
		return this.records.list(this.regions.codesWithin(user.regionCode()), all ? null : user.role().name(), policyId,
				q);
	}

	/** Everything submitted within the user's region. */
	@Transactional(readOnly = true)
	List<Application> within(CurrentUser user, String status) {
		if (!user.role().isGovernment()) {
			return List.of();
		}
		return this.records.within(this.regions.codesWithin(user.regionCode()), status);
	}

	/**
	 * How many wait for the user: reviewers their queue, operators their returned ones.
	 */
	@Transactional(readOnly = true)
	public int pendingFor(CurrentUser user) {
		if (user.role().isGovernment()) {
			return queue(user, null, null).size();
		}
		if (user.hasRole(Role.OPERATOR)) {
			return (int) mine(user).stream()
				.filter((a) -> a.status() == ApplicationStatus.RETURNED || a.status() == ApplicationStatus.DRAFT)
				.count();
		}
		return 0;
	}

	/**
	 * A reviewer's decision at the current stage. The stage must be the current one
	 * (409), the user's role the stage's (403), the application within their region
	 * (404), and {@code version} the one they saw (409 when someone decided first).
	 */
	@Transactional
	Application decide(long id, String stageCode, Application.Decision decision, String reasons, int version,
			CurrentUser user) {
		Application app = visible(id, user);
		if (!user.role().isGovernment()) {
			throw new NotFoundException("application " + id);
		}
		requireVersion(app, version);
		String why = (reasons == null) ? "" : reasons.strip();
		if (decision != Application.Decision.APPROVE && why.isEmpty()) {
			throw new FieldErrorException("reasons", "退回补正或不予通过须写明理由");
		}
		if (why.length() > 2000) {
			throw new FieldErrorException("reasons", "理由不超过 2000 字");
		}
		List<ReviewStage> stages = stagesOf(app);
		ReviewStage stage = stages.stream().filter((s) -> s.code().equals(stageCode)).findFirst().orElse(null);
		if (stage != null && app.status().inReview() && stageCode.equals(app.currentStage())
				&& !user.role().name().equals(app.currentStageRole())) {
			throw new AccessDeniedException("「" + stage.name() + "」环节不由 " + user.role() + " 办理");
		}
		if (stage != null && noticeStage(packOf(app).definition()).filter(stageCode::equals).isPresent()) {
			throw new ConflictException("「" + stage.name() + "」由公示结果决定：请在「认定公示」中将申请列入公示，公示期满且无成立的异议后自动进入下一环节");
		}
		if (stage != null && stage.expertsScore() && decision == Application.Decision.APPROVE
				&& stageCode.equals(app.currentStage()) && revealedPanel(app, user).isEmpty()) {
			throw new ConflictException("「" + stage.name() + "」须先抽取评审专家，且全部专家提交评分后才能通过");
		}
		ReviewStage decided = app.decide(stages, stageCode, decision, why.isEmpty() ? null : why, user.username(),
				today(), this.clock.instant());
		if (app.status() == ApplicationStatus.APPROVED) {
			recognize(app, user);
		}
		Application saved = this.records.save(app);
		this.records.addDecision(saved.id(), decided.code(), decided.name(), decision.name(),
				why.isEmpty() ? null : why, user.username(), user.displayName(), user.role().name(),
				this.clock.instant());
		if (saved.status() == ApplicationStatus.RECOGNIZED) {
			this.records.addDecision(saved.id(), null, null, "RECOGNIZE", "认定编号 " + saved.recognitionNumber(),
					user.username(), user.displayName(), user.role().name(), this.clock.instant());
		}
		String label = switch (decision) {
			case APPROVE -> "通过";
			case RETURN -> "退回补正";
			case REJECT -> "不予通过";
		};
		this.audit.record(AuditEntry.success("APPLICATION_DECIDE", OWNER_TYPE, saved.id(),
				"「" + decided.name() + "」环节" + label + "：" + saved.spaceName() + (why.isEmpty() ? "" : "，理由：" + why),
				saved.regionCode()));
		publish(app);
		return saved;
	}

	/**
	 * Whether the user reviews applications under the pack: a government user whose role
	 * handles one of its stages (an expert stage is handled by the stage after it).
	 */
	boolean reviews(Application app, CurrentUser user) {
		if (!user.role().isGovernment()) {
			return false;
		}
		List<ReviewStage> stages = stagesOf(app);
		return stages.stream().anyMatch((s) -> ApplicationRoles.deciding(stages, s).name().equals(user.role().name()));
	}

	/**
	 * What recording fraud against the application would entail, for the confirmation.
	 */
	@Transactional(readOnly = true)
	Sanctions.ApplicationConsequence fraudConsequence(Application app) {
		return this.sanctions.consequenceForApplication(app.policyId(), creditCodeOf(app));
	}

	/**
	 * Fraud found during review (seed 000 第十条 在认定…过程中; seed 003 四(一)3 申报材料存虚假): a
	 * reviewer of the pack records the finding; in one transaction the sanction module
	 * applies the pack's ban to the operator's credit code (Chaoyang 5 years, Liaoning 2,
	 * Lanzhou none) with the application as its subject, and the application is rejected
	 * with the finding. Only while it is under review (409), by a role that handles one
	 * of the pack's stages (403), within the user's region (404), at the version the user
	 * saw (409).
	 */
	@Transactional
	Application reportFraud(long id, String finding, int version, CurrentUser user) {
		Application app = visible(id, user);
		if (!user.role().isGovernment()) {
			throw new NotFoundException("application " + id);
		}
		requireVersion(app, version);
		if (!reviews(app, user)) {
			throw new AccessDeniedException("「" + packOf(app).title() + "」的申请不由 " + user.role() + " 审查");
		}
		if (!app.underReview()) {
			throw new ConflictException("申请已办结（" + ApplicationRoles.statusLabel(app.status()) + "），不能再记录审查中发现的欺诈");
		}
		Sanctions.ApplicationConsequence consequence = this.sanctions
			.recordAgainstApplication(new Sanctions.ApplicationSubject(app.id(), app.spaceName(), app.operatorName(),
					creditCodeOf(app), app.regionCode(), app.policyId()), finding, user);
		String text = finding.strip();
		String reasons = "审查中发现申报材料存在虚假：" + text + "。" + consequence.text();
		String stageCode = app.rejectForFraud(reasons, user.username());
		String stageName = stagesOf(app).stream()
			.filter((s) -> s.code().equals(stageCode))
			.map(ReviewStage::name)
			.findFirst()
			.orElse(null);
		Application saved = this.records.save(app);
		this.records.addDecision(saved.id(), stageCode, stageName, "FRAUD", reasons, user.username(),
				user.displayName(), user.role().name(), this.clock.instant());
		this.audit.record(AuditEntry.success("APPLICATION_FRAUD", OWNER_TYPE, saved.id(),
				"审查中发现欺诈，不予通过：" + saved.spaceName() + "，" + reasons, saved.regionCode()));
		publish(app);
		return saved;
	}

	private String creditCodeOf(Application app) {
		return this.operators.find(app.operatorId())
			.map(OperatorOrganisation::creditCode)
			.orElseThrow(() -> new NotFoundException("organisation " + app.operatorId()));
	}

	/**
	 * The last stage passed: the recognition is granted in the same transaction, in the
	 * name of the authority the pack names (朝阳区科委 for Chaoyang; a pack that names none
	 * falls back to the science authority of the deciding user's region), with the pack's
	 * level.
	 */
	private void recognize(Application app, CurrentUser user) {
		PolicyPack pack = packOf(app);
		String creditCode = creditCodeOf(app);
		Recognitions.Recognized granted = this.recognitions
			.recognize(new RecognitionRequest(OWNER_TYPE, app.id(), app.spaceName(), app.operatorName(), creditCode,
					app.kind(), app.specialization(), pack.definition().level().name(), app.regionCode(),
					app.policyId(), authorityOf(pack, user), today(), app.institutionId()), user);
		app.recognized(granted.number());
	}

	private String authorityOf(PolicyPack pack, CurrentUser user) {
		String named = pack.definition().authority();
		return (named != null) ? named : this.regions.scienceAuthorityOf(user.regionCode());
	}

	/**
	 * The pack's notice stage: the one right after {@code notice.afterStage} when the
	 * pack requires a notice. It is passed by the notice closing, never by a reviewer.
	 */
	static Optional<String> noticeStage(PackDefinition definition) {
		PackDefinition.Notice notice = definition.notice();
		if (notice == null || !notice.required() || notice.afterStage() == null) {
			return Optional.empty();
		}
		List<ReviewStage> stages = definition.review().stages();
		for (int i = 0; i < stages.size() - 1; i++) {
			if (stages.get(i).code().equals(notice.afterStage())) {
				return Optional.of(stages.get(i + 1).code());
			}
		}
		return Optional.empty();
	}

	/**
	 * Draws the expert panel of the application's current stage, which must be one where
	 * experts score, by the role that handles it. The operator's related parties go into
	 * the conflict check; the pack's scoring sheet is the panel's.
	 */
	@Transactional
	ExpertPanels.Drawn drawPanel(long id, int members, int alternates, Set<String> fields, CurrentUser user) {
		Application app = visible(id, user);
		ReviewStage stage = currentStage(app).orElse(null);
		if (stage == null || !app.status().inReview() || !stage.expertsScore()) {
			throw new ConflictException("申请当前不在专家评审环节，不能抽取专家");
		}
		if (!user.role().name().equals(app.currentStageRole())) {
			throw new AccessDeniedException("「" + stage.name() + "」的专家不由 " + user.role() + " 抽取");
		}
		List<Long> existing = this.panels.panelsFor(OWNER_TYPE, String.valueOf(id), user);
		if (!existing.isEmpty() && this.panels.results(existing.get(0), user).isEmpty()) {
			throw new ConflictException("已为本申请抽取专家，评分尚未全部提交；如有专家回避，请在专家组页面由候补递补");
		}
		OperatorOrganisation org = this.operators.find(app.operatorId())
			.orElseThrow(() -> new NotFoundException("organisation " + app.operatorId()));
		Operators.RelatedParties parties = this.operators.relatedParties(app.operatorId());
		Subject subject = new Subject(OWNER_TYPE, String.valueOf(id), app.spaceName() + "（" + stage.name() + "）",
				app.regionCode(), app.operatorName(), org.creditCode(), parties.employers(), parties.mentors(),
				parties.investors(), parties.tenants());
		ExpertPanels.Drawn drawn = this.panels.draw(subject, packOf(app).definition().scoring(), members, alternates,
				fields, null, user);
		this.records.addDecision(
				id, stage.code(), stage.name(), "PANEL", "抽取评审专家 " + drawn.members().size() + " 名、候补 "
						+ drawn.alternates().size() + " 名（专家组 #" + drawn.panelId() + "）",
				user.username(), user.displayName(), user.role().name(), this.clock.instant());
		return drawn;
	}

	/**
	 * The yearly batch a submitted application belongs to, under a pack that reviews by
	 * annual call (Liaoning 四(一): 达标一批、备案一批, review finished by 31 May): submitted on or
	 * before the closing day it is that year's batch, after it the next year's. Overdue
	 * when its review is still open after the batch closed. Empty for drafts and for
	 * packs that review as applications come.
	 */
	Optional<ReviewBatch> batchOf(Application app) {
		if (app.submittedOn() == null) {
			return Optional.empty();
		}
		PackDefinition.AnnualCall call = packOf(app).definition().review().annualCall();
		if (call == null) {
			return Optional.empty();
		}
		int year = call.batchYear(app.submittedOn());
		LocalDate closes = call.closesOn(year);
		boolean open = app.status() != ApplicationStatus.DRAFT && !app.status().isFinal();
		return Optional.of(new ReviewBatch(year, closes, open && today().isAfter(closes)));
	}

	/** The batches of the listed applications that have one, by application id. */
	Map<Long, ReviewBatch> batchesOf(List<Application> apps) {
		Map<Long, ReviewBatch> batches = new LinkedHashMap<>();
		apps.forEach((a) -> batchOf(a).ifPresent((b) -> batches.put(a.id(), b)));
		return batches;
	}

	/**
	 * An annual-call batch: its year, the day its review closes, and whether the
	 * application is overdue (still in review after that day).
	 */
	record ReviewBatch(int year, LocalDate closesOn, boolean overdue) {

		public String closes() {
			return ChinaTime.format(this.closesOn);
		}

	}

	/** The expert panels drawn for the application, newest first. */
	List<Long> panelsOf(Application app, CurrentUser user) {
		return this.panels.panelsFor(OWNER_TYPE, String.valueOf(app.id()), user);
	}

	/** The newest expert panel of the application whose scores are all in. */
	Optional<ExpertResults> revealedPanel(Application app, CurrentUser user) {
		for (long panelId : this.panels.panelsFor(OWNER_TYPE, String.valueOf(app.id()), user)) {
			Optional<Results> results = this.panels.results(panelId, user);
			if (results.isPresent()) {
				return Optional.of(new ExpertResults(panelId, results.get()));
			}
		}
		return Optional.empty();
	}

	/** A panel's revealed results. */
	record ExpertResults(long panelId, Results results) {
	}

	@Transactional(readOnly = true)
	List<ApplicationRecords.DecisionRow> history(long id, CurrentUser user) {
		return this.records.decisions(visible(id, user).id());
	}

	/**
	 * The stages of the pack version fixed at submission (the current one for drafts).
	 */
	List<ReviewStage> stagesOf(Application app) {
		return packOf(app).definition().review().stages();
	}

	/** The pack's stage the application waits at; empty when it waits at none. */
	/**
	 * What each decision at the current stage leads to, in the words of the confirmation
	 * (by decision name): approving passes to the next stage (named, with who handles it)
	 * or, at the last stage, ends the review with the recognition; returning sends it
	 * back to the operator; rejecting ends it.
	 */
	Map<String, String> nextSteps(Application app) {
		Map<String, String> steps = new LinkedHashMap<>();
		List<ReviewStage> stages = stagesOf(app);
		Optional<ReviewStage> current = currentStage(app);
		if (current.isEmpty()) {
			return steps;
		}
		int next = stages.indexOf(current.get()) + 1;
		if (next < stages.size()) {
			steps.put("APPROVE", "申请转入「" + stages.get(next).name() + "」环节继续审查");
		}
		else {
			PackDefinition definition = packOf(app).definition();
			String by = (definition.authority() != null) ? definition.authority() : "认定部门";
			steps.put("APPROVE",
					"审查全部通过，由" + by + "依《" + definition.title() + "》予以" + definition.grantWord() + "，编号发证并列入公开的认定名录");
		}
		steps.put("RETURN", "申请退回申报单位补正，补正后重新提交，从本环节继续审查");
		steps.put("REJECT", "申请终止，不再进入后续环节，申报单位会收到不予通过的意见");
		return steps;
	}

	Optional<ReviewStage> currentStage(Application app) {
		return (app.currentStage() == null) ? Optional.empty()
				: stagesOf(app).stream().filter((s) -> s.code().equals(app.currentStage())).findFirst();
	}

	PolicyPack packOf(Application app) {
		LocalDate on = (app.submittedOn() != null) ? app.submittedOn() : today();
		PolicyPack pack = this.catalog.inForce(app.policyId(), on);
		if (app.policyVersion() != null && !pack.version().equals(app.policyVersion())) {
			pack = this.catalog.latest(app.policyId());
		}
		return pack;
	}

	// --- scope

	/**
	 * The application if the user may see it: 404 otherwise, exactly like a missing one.
	 */
	Application visible(long id, CurrentUser user) {
		Application app = this.records.findById(id).orElseThrow(() -> new NotFoundException("application " + id));
		boolean may;
		if (user.hasRole(Role.OPERATOR)) {
			may = this.operators.organisationOf(user).map((o) -> o.id() == app.operatorId()).orElse(false);
		}
		else if (user.role().isGovernment()) {
			may = app.status() != ApplicationStatus.DRAFT && this.regions.contains(user.regionCode(), app.regionCode());
		}
		else {
			may = false;
		}
		if (!may) {
			throw new NotFoundException("application " + id);
		}
		return app;
	}

	/** The operator's own application: 404 for anyone else. */
	private Application own(long id, CurrentUser user) {
		if (!user.hasRole(Role.OPERATOR)) {
			throw new NotFoundException("application " + id);
		}
		return visible(id, user);
	}

	private static void requireVersion(Application app, int version) {
		if (app.version() != version) {
			throw new OptimisticLockingFailureException("application " + app.id() + " changed");
		}
	}

	private static void requireMaterials(List<MaterialState> materials) {
		Map<String, String> errors = new LinkedHashMap<>();
		materials.stream()
			.filter(MaterialState::missing)
			.forEach((m) -> errors.put("material." + m.code(), "缺少必须提交的材料：" + m.name()));
		if (!errors.isEmpty()) {
			throw new FieldErrorException(errors);
		}
	}

	/** Keeps the facts and the checklist the verdict was computed from. */
	private void snapshot(Application app, FormView view) {
		List<Fact> facts = new ArrayList<>();
		for (FactRow row : view.facts()) {
			if (row.value() == null && row.override() == null) {
				continue;
			}
			if (row.origin() == Origin.COMPUTED && row.override() != null) {
				facts.add(row.override());
				if (row.value() != null) {
					facts.add(new Fact("computed:" + row.field().path(), row.value(), Origin.COMPUTED, row.source(),
							null));
				}
			}
			else {
				facts.add(new Fact(row.field().path(), row.value(), row.origin(), row.source(), null));
			}
		}
		this.records.replaceFacts(app.id(), facts);
		this.records.replaceMaterials(app.id(), view.materials());
	}

	private void publish(Application app) {
		app.drainEvents().forEach(this.events::publishEvent);
	}

	LocalDate today() {
		return ChinaTime.today(this.clock);
	}

	/** One fact on the form. */
	record FactRow(SpaceFactFields.Field field, String value, Origin origin, String source, Fact override) {

		String effectiveValue() {
			return (this.override != null) ? this.override.value() : this.value;
		}

		public String display() {
			return (this.value == null) ? "" : shown(this.value);
		}

		public String overrideDisplay() {
			return (this.override == null) ? "" : shown(this.override.value());
		}

		/** An enumeration's code by its Chinese label, other values as they read. */
		private String shown(String jsonText) {
			String text = SpaceFactFields.display(jsonText);
			return this.field.choices().isEmpty() ? text : this.field.choiceLabel(text);
		}

		public String rawValue() {
			return (this.value == null) ? "" : SpaceFactFields.display(this.value);
		}

		public String formValue() {
			return SpaceFactFields.formValue(this.value);
		}

		public String overrideFormValue() {
			return (this.override == null) ? "" : SpaceFactFields.formValue(this.override.value());
		}

		public boolean computed() {
			return this.origin == Origin.COMPUTED;
		}

	}

	/** Everything the form and the detail page show. */
	record FormView(Application application, PolicyPack pack, List<FactRow> facts, Verdict verdict,
			List<MaterialState> materials) {

		public boolean materialsComplete() {
			return this.materials.stream().noneMatch(MaterialState::missing);
		}

	}

}
