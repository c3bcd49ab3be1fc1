package cn.zhongchuang.policy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * 一个政策包的内容，即 YAML 文件的结构（见 {@code src/main/resources/policy/packs/}）。政策包是数据：
 * 管理员可以上传新的版本或新的地区，不需要改代码。
 *
 * @param id 标识，如 {@code beijing-chaoyang-2017}
 * @param title 政策文件标题
 * @param jurisdiction 适用地区的行政区划代码（GB/T 2260），如 110105
 * @param version 版本（通常是印发日期）
 * @param effectiveFrom 生效日期：按申报提交日适用当时有效的版本
 * @param source 文号或发文机关
 * @param authority 认定机关的全称，如 北京市朝阳区科学技术委员会：认定（证书、编号前缀）以它的名义作出；未写时由地区名推出
 * @param grant 授予的方式：{@code 认定}（缺省，不写时为空）或 {@code 备案}（江苏省众创空间省级备案）， 页面与确认说"已获备案""备案编号"
 * @param kind 认定的载体类型（主类型：为新载体登记申请时按它登记）
 * @param kinds 本政策可认定的全部载体类型（含 {@code kind}）；YAML 不写 {@code kinds} 时只有 {@code kind}。 朝阳
 * 2014 实施方案一次认定孵化器、加速器、大学科技园、留学人员创业园、小企业创业基地几类孵化机构
 * @param level 认定级别
 * @param specialization 仅适用于某类众创空间时为 COMPREHENSIVE 或 SPECIALIZED，否则为空
 * @param facts 本政策包使用的事实（facts-format）：路径、类型、单位、中文名称、说明与来源；规则只能读取这里声明的事实
 * @param criteria 众创空间的认定条件
 * @param preferred 优先项
 * @param tenantCriteria 在孵企业条件；政策未规定时为空
 * @param exit 在孵企业退出阈值；政策未规定时为空
 * @param materials 申报材料清单
 * @param review 审查流程
 * @param notice 公示
 * @param assessment 年度/周期考核
 * @param scoring 专家评分表
 * @param dynamic 动态管理
 * @param sanctions 弄虚作假的处理
 * @param annualFiling 年度备案/统计
 * @param targets 政策目标（统计监测用）
 * @param examples 示例：启用政策包前必须全部通过
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackDefinition(String id, String title, String jurisdiction, String version, LocalDate effectiveFrom,
		String source, String authority, String grant, InstitutionKind kind, List<InstitutionKind> kinds, Level level,
		String specialization, List<Fact> facts, List<Criterion> criteria, List<Preferred> preferred,
		TenantCriteria tenantCriteria, ExitRule exit, List<Material> materials, Review review, Notice notice,
		Assessment assessment, List<ScoringItem> scoring, Dynamic dynamic, Sanctions sanctions,
		AnnualFiling annualFiling, List<Target> targets, List<Example> examples) {

	/** {@code grant} 的可选值。 */
	public static final List<String> GRANTS = List.of("认定", "备案");

	/** 授予的方式：认定或备案（页面用词）。 */
	public String grantWord() {
		return (this.grant != null) ? this.grant : "认定";
	}

	/** 本政策能否认定这一类载体（{@code kinds} 中有它）。 */
	public boolean serves(String institutionKind) {
		return this.kinds.stream().anyMatch((k) -> k.name().equals(institutionKind));
	}

	/** 载体类型（domain.md「Institution kinds」）。 */
	public enum InstitutionKind {

		MAKER_SPACE, NURSERY, INCUBATOR, ACCELERATOR, UNIVERSITY_SCIENCE_PARK, RETURNEE_PARK, SMALL_BUSINESS_BASE,
		INDUSTRIAL_PARK, MAKER_SPACE_CLUSTER

	}

	/** 认定级别。 */
	public enum Level {

		DISTRICT, CITY, PROVINCE, NATIONAL

	}

	/** 审查环节由谁办理。 */
	public enum ReviewRole {

		COUNTY_REVIEWER, CITY_BUREAU, PROVINCE, EXPERT

	}

	/** 认定失效的方式。 */
	public enum LapseRule {

		/** 考核不合格且未达整改要求即失效（朝阳第九条）。 */
		RECTIFICATION_NOT_MET,

		/** 连续若干年考核不合格即取消（兰州、辽宁：连续两年）。 */
		CONSECUTIVE_FAILING_YEARS

	}

	/**
	 * 本政策包声明的一项事实。
	 * @param path 事实 JSON 中的路径，如 {@code space.totalAreaM2}
	 * @return 声明；没有声明时为空
	 */
	public java.util.Optional<Fact> fact(String path) {
		return this.facts.stream().filter((fact) -> fact.path().equals(path)).findFirst();
	}

	/**
	 * 事实的中文名称：声明了的取声明的 label；列表元素的路径（{@code funds[].kind}、{@code funds[0].kind}）按元素字段找；
	 * 都没有时取最近的已声明上级的名称，最后才原样返回。
	 * @param path 事实路径
	 * @return 中文名称
	 */
	public String labelOf(String path) {
		String plain = path.replaceAll("\\[\\d*]", "");
		for (String at = plain; !at.isEmpty(); at = (at.lastIndexOf('.') > 0) ? at.substring(0, at.lastIndexOf('.'))
				: "") {
			java.util.Optional<Fact> fact = fact(at);
			if (fact.isPresent()) {
				return fact.get().label();
			}
		}
		return path;
	}

	/** 事实的类型（facts-format）。LIST 只用于公开契约中的列表（{@code funds}），新增的事实不能是列表。 */
	public enum FactType {

		BOOL, INT, DECIMAL, STRING, DATE, YEAR_MONTH, REGION, ENUM, LIST

	}

	/**
	 * 政策包声明的一项事实（facts-format.md）。
	 *
	 * @param path 事实 JSON 中的点分路径，如
	 * {@code space.totalAreaM2}、{@code incubator.graduatesTotal}
	 * @param type 类型；公开契约中已有的路径须与契约的类型一致
	 * @param unit 单位（可选），显示在数值之后
	 * @param label 中文名称，所有页面以它代替路径
	 * @param help 填报说明（可选）
	 * @param source {@code declared}（申报人填写）或 {@code computed:<name>}（按载体自己的记录计算，见
	 * {@link FactComputations}）
	 * @param values 仅 ENUM：代码 → 中文名称，保持声明顺序
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Fact(String path, FactType type, String unit, String label, String help, String source,
			Map<String, String> values) {

		/** 由载体记录计算（而不是申报人填写）。 */
		public boolean isComputed() {
			return this.source != null && this.source.startsWith(FactComputations.PREFIX);
		}

		/** 计算的名称（{@code computed:premisesArea} 中的 premisesArea）；申报人填写的事实为空。 */
		public String computation() {
			return isComputed() ? this.source.substring(FactComputations.PREFIX.length()) : null;
		}

		/** 枚举代码的中文名称；不是已声明的代码时原样返回。 */
		public String valueLabel(String code) {
			return (this.values != null && this.values.containsKey(code)) ? this.values.get(code) : code;
		}

	}

	/** 示例针对的对象。 */
	public enum Subject {

		SPACE, TENANT

	}

	/**
	 * 一项认定条件。
	 *
	 * @param id 在本政策包内唯一的标识，缺省同条款号（同一条款拆成几项判断时用以区分，如 C2 与 C2-virtual）
	 * @param article 条款号，公开契约的一部分
	 * @param title 名称
	 * @param kind AUTOMATIC 或 MANUAL
	 * @param text 政策原文摘录
	 * @param requires 规则需要的事实路径；缺少任何一个即判为 FAIL 并指明字段
	 * @param applies 适用条件（CEL 布尔表达式），为 false 时结果为 NOT_APPLICABLE
	 * @param notApplicable 不适用时的说明
	 * @param rule 判断规则（CEL 布尔表达式）
	 * @param otherwise 规则不满足时的结果：缺省 FAIL；MANUAL 表示交评审人员判断
	 * @param detail 详情模板，写明查到的数值与要求的数值
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Criterion(String id, String article, String title, CriterionKind kind, String text,
			List<String> requires, String applies, String notApplicable, String rule, Verdict.Result otherwise,
			String detail) {
	}

	/**
	 * 一个优先项（"……者优先"），不影响是否符合条件。
	 *
	 * @param article 条款号
	 * @param title 名称
	 * @param requires 需要的事实；缺少视为不满足
	 * @param rule 判断规则（CEL 布尔表达式）
	 * @param detail 详情模板（可选），写明查到的数值，如投资笔数与金额
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Preferred(String article, String title, List<String> requires, String rule, String detail) {
	}

	/**
	 * 在孵企业条件。
	 *
	 * @param keyIndustries 本地区重点产业（规则中的 {@code keyIndustries}）
	 * @param criteria 条件
	 */
	public record TenantCriteria(List<String> keyIndustries, List<Criterion> criteria) {
	}

	/**
	 * 一项申报材料。
	 *
	 * @param code 代码
	 * @param name 名称
	 * @param required 是否必须提交
	 * @param note 说明（来源条款等）
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Material(String code, String name, boolean required, String note) {
	}

	/**
	 * 审查流程。
	 *
	 * @param stages 按顺序排列的环节
	 * @param basis 依据
	 * @param annualCall 按年度批次评审时的批次规则；随到随审时为空
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Review(List<ReviewStage> stages, String basis, AnnualCall annualCall) {
	}

	/**
	 * 年度批次（辽宁"达标一批、备案一批"，每年5月底前完成评审备案）：每份申请属于一个批次年度， 该年度的评审在 {@code closes}
	 * 当天结束；截止日之后提交的申请列入下一年度的批次。这是审查机关完成评审的期限，不是运营机构的年度备案截止日。
	 *
	 * @param closes 每年评审结束的日期（MM-dd，含当天）
	 * @param basis 依据
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AnnualCall(String closes, String basis) {

		private MonthDay closing() {
			return MonthDay.parse("--" + this.closes);
		}

		/** 在 {@code submittedOn} 提交的申请所属的批次年度：截止日当天及以前为当年，之后为下一年。 */
		public int batchYear(LocalDate submittedOn) {
			int year = submittedOn.getYear();
			return submittedOn.isAfter(closesOn(year)) ? year + 1 : year;
		}

		/** 批次年度的评审截止日。 */
		public LocalDate closesOn(int batchYear) {
			return closing().atYear(batchYear);
		}

	}

	/**
	 * 一个审查环节。
	 *
	 * @param code 代码
	 * @param name 名称
	 * @param role 办理角色
	 * @param expertsScore 是否由专家评分
	 * @param canReturn 能否退回补正
	 * @param canReject 能否不予通过
	 */
	public record ReviewStage(String code, String name, ReviewRole role, boolean expertsScore, boolean canReturn,
			boolean canReject) {
	}

	/**
	 * 认定前的公示。
	 *
	 * @param required 是否公示
	 * @param workingDays 公示期（工作日）；不公示时为空
	 * @param afterStage 在哪个环节之后公示
	 * @param basis 依据
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Notice(boolean required, Integer workingDays, String afterStage, String basis) {
	}

	/**
	 * 考核评估。
	 *
	 * @param cycleYears 考核周期（年）
	 * @param indicators 指标
	 * @param grades 等次分数线，从高到低
	 * @param basis 依据
	 */
	public record Assessment(int cycleYears, List<Indicator> indicators, List<GradeBand> grades, String basis) {

		/** 按分数线给出等次（优秀/良好/合格/不合格）。 */
		public String gradeFor(double score) {
			for (GradeBand band : this.grades) {
				if (score >= band.minScore()) {
					return band.grade();
				}
			}
			return this.grades.get(this.grades.size() - 1).grade();
		}

		/** The code of a grade (A…D) where the pack gives one, else null. */
		public String codeOf(String grade) {
			return this.grades.stream()
				.filter((b) -> b.grade().equals(grade))
				.map(GradeBand::code)
				.filter((c) -> c != null)
				.findFirst()
				.orElse(null);
		}

		/** 等次的显示名：有代码时"优秀（A类）"，否则等次本身（"优秀"）。 */
		public String labelOf(String grade) {
			if (grade == null) {
				return null;
			}
			String code = codeOf(grade);
			return (code != null) ? grade + "（" + code + "类）" : grade;
		}

	}

	/**
	 * 考核指标。
	 *
	 * @param code 代码
	 * @param name 名称
	 * @param weight 权重（%）
	 * @param maxScore 满分
	 */
	public record Indicator(String code, String name, int weight, int maxScore) {
	}

	/**
	 * 等次分数线。
	 *
	 * @param grade 等次（存入考核结果、奖补按它定额）
	 * @param minScore 最低分（含）
	 * @param code 等次代码（如国家孵化器评价的 A/B/C/D），可以没有
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record GradeBand(String grade, int minScore, String code) {

		public GradeBand(String grade, int minScore) {
			this(grade, minScore, null);
		}

	}

	/**
	 * 专家评分表的一项。
	 *
	 * @param code 代码
	 * @param name 名称
	 * @param maxPoints 满分
	 * @param article 对应条款
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ScoringItem(String code, String name, int maxPoints, String article) {
	}

	/**
	 * 动态管理。
	 *
	 * @param lapseRule 认定失效的方式
	 * @param consecutiveFailingYears 连续不合格多少年取消（CONSECUTIVE_FAILING_YEARS）
	 * @param rectificationWorkingDays 整改期限（工作日）；政策未规定时为空
	 * @param changeReportMonths 条件变化须在几个月内报告；未规定时为空
	 * @param basis 依据
	 * @param rectifyOnFailing 考核不合格的，公布考核结果时自动下达整改通知（朝阳第九条、兰州"限期整改"）
	 * @param rectifyOnNotAssessed 不参加考核的，同样自动下达整改通知（朝阳第九条"不参加考核或考核评估不合格的"）
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Dynamic(LapseRule lapseRule, Integer consecutiveFailingYears, Integer rectificationWorkingDays,
			Integer changeReportMonths, String basis, boolean rectifyOnFailing, boolean rectifyOnNotAssessed) {
	}

	/**
	 * 弄虚作假的处理。
	 *
	 * @param revokeTitle 取消称号/资格
	 * @param banYears 几年内不得申请；未规定时为空
	 * @param subsidyRecovery 收回骗取的财政资金
	 * @param basis 依据
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Sanctions(boolean revokeTitle, Integer banYears, boolean subsidyRecovery, String basis) {
	}

	/**
	 * 年度备案/统计。
	 *
	 * @param required 是否每年进行
	 * @param dueMonthDay 每年截止日（MM-dd），未规定时为空
	 * @param basis 依据
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record AnnualFiling(boolean required, String dueMonthDay, String basis) {
	}

	/**
	 * 政策目标（统计监测中与实际值对比）。
	 *
	 * @param code 代码
	 * @param name 名称
	 * @param comparator AT_LEAST（以上、不少于）、MORE_THAN（超过）或 REPORTED（报告值，作基线）
	 * @param value 目标值
	 * @param unit 单位
	 * @param year 目标年份
	 * @param basis 依据
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Target(String code, String name, String comparator, double value, String unit, Integer year,
			String basis) {
	}

	/**
	 * 一个示例。
	 *
	 * @param name 名称
	 * @param subject 对象：空间或在孵企业
	 * @param facts 事实（与接口请求体相同的 JSON 结构）
	 * @param outcome 期望的总体结论
	 * @param results 期望的各条件结果（键为条件 id）；未列出的条件不核对
	 */
	public record Example(String name, Subject subject, JsonNode facts, Verdict.Outcome outcome,
			Map<String, Verdict.Result> results) {
	}

}
