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
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
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

	private final PolicyCatalog policies;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Recognitions(RecognitionRecords records, PolicyCatalog policies, Regions regions, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.records = records;
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
	Recognized grant(RecognitionRequest request, String by) {
		validate(request);
		if (this.records.exists(request.subjectType(), request.subjectId(), request.policyId())) {
			throw new ConflictException("该机构已按此政策认定，不能重复认定");
		}
		String prefix = prefixOf(request.issuingAuthority());
		int year = request.recognizedOn().getYear();
		int sequence = this.records.nextNumber(prefix, year);
		String number = String.format("%s〔%d〕第%03d号", prefix, year, sequence);
		Recognition saved = this.records.save(Recognition.grant(number, newCode(), request, by, this.clock.instant()));
		this.audit.record(AuditEntry.success(
				"RECOGNITION_GRANT", "recognition", saved.id(), "认定“" + request.institutionName() + "”为"
						+ request.level() + " 级，编号 " + number + "（" + request.issuingAuthority() + "）",
				request.regionCode()));
		this.events
			.publishEvent(new InstitutionRecognized(saved.id(), number, request.subjectType(), request.subjectId(),
					request.policyId(), request.regionCode(), request.level(), request.recognizedOn()));
		return new Recognized(saved.id(), number, saved.verificationCode());
	}

	/** The public registry: active recognitions, region filter including descendants. */
	@Transactional(readOnly = true)
	public PageResult<RegistryEntry> registry(String region, String level, String keyword, Integer page, Integer size) {
		return search(region, level, keyword, true, page, size).map(Recognitions::entry);
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

	@Transactional(readOnly = true)
	PageResult<Recognition> forBureau(CurrentUser user, String region, String level, String keyword, Integer page) {
		String scope = (region != null && !region.isBlank() && this.regions.contains(user.regionCode(), region))
				? region : user.regionCode();
		return this.records.search(this.regions.codesWithin(scope), level, keyword, false, page, null);
	}

	@Transactional(readOnly = true)
	Recognition get(long id, CurrentUser user) {
		return this.records.find(id)
			.filter((r) -> user != null && user.role().isGovernment()
					&& this.regions.contains(user.regionCode(), r.regionCode()))
			.orElseThrow(() -> new NotFoundException("recognition " + id));
	}

	private PageResult<Recognition> search(String region, String level, String keyword, boolean activeOnly,
			Integer page, Integer size) {
		List<String> codes = (region == null || region.isBlank()) ? null : this.regions.codesWithin(region.strip());
		return this.records.search(codes, level, keyword, activeOnly, page, size);
	}

	String policyTitle(String policyId) {
		try {
			return this.policies.latest(policyId).title();
		}
		catch (NotFoundException ex) {
			return policyId;
		}
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
		String name = authority.strip();
		java.util.regex.Matcher municipal = java.util.regex.Pattern.compile("^(北京|上海|天津|重庆)市(.+?[区县])").matcher(name);
		char first = municipal.find() ? municipal.group(2).charAt(0) : name.charAt(0);
		return first + "科众";
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
		return new RegistryEntry(r.number(), q.institutionName(), q.operatorName(), q.creditCode(), q.kind(),
				q.specialization(), q.level(), q.regionCode(), r.status().name(), q.recognizedOn(), q.policyId());
	}

	/** The number and verification code a recognition was given. */
	public record Recognized(long id, String number, String verificationCode) {
	}

	/** One institution of the public registry, as the API shows it. */
	public record RegistryEntry(String number, String name, String operator, String creditCode, String kind,
			String specialization, String level, String region, String status, LocalDate recognizedOn, String policy) {
	}

	public record InstitutionRecognized(long recognitionId, String number, String subjectType, long subjectId,
			String policyId, String regionCode, String level, LocalDate recognizedOn) {
	}

}
