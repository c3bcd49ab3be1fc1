package cn.zhongchuang.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public reference services of policy-api.md: credit codes, enterprise size, working
 * days.
 */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "reference", description = "参考数据：统一社会信用代码、企业规模、工作日")
class ReferenceApiController {

	private final WorkingDays workingDays;

	private final Regions regions;

	ReferenceApiController(WorkingDays workingDays, Regions regions) {
		this.workingDays = workingDays;
		this.regions = regions;
	}

	@GetMapping("/credit-codes/{code}")
	@Operation(summary = "Validate a 统一社会信用代码 (both check characters) and show its registering region")
	CreditCodeAnswer creditCode(@PathVariable String code) {
		CreditCodeCheck check = CreditCodes.check(code);
		String region = check.registrationRegion();
		String regionName = (region != null)
				? this.regions.find(region).map((r) -> this.regions.fullName(r.code())).orElse(null) : null;
		return new CreditCodeAnswer(check.valid(), check.reason(), region, check.entityCategory(), regionName);
	}

	@PostMapping("/enterprise-size")
	@Operation(summary = "Enterprise size by 工信部联企业〔2011〕300号")
	SizeAnswer enterpriseSize(@RequestBody SizeQuestion question) {
		try {
			EnterpriseSize size = EnterpriseSizes.classify(question.industry(), question.employees(),
					question.revenueWan(), question.totalAssetsWan());
			return new SizeAnswer(size, size.label());
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage();
			int paren = message.indexOf('（');
			throw new FieldErrorException((paren > 0) ? message.substring(0, paren) : "industry", message);
		}
	}

	@GetMapping("/working-days")
	@Operation(summary = "The N-th working day after a date (the date itself not counted), on the official calendar")
	WorkingDayAnswer workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int add) {
		if (from.getYear() < 1900 || from.getYear() > 2200) {
			throw new FieldErrorException("from", "起始日期须在 1900 年至 2200 年之间");
		}
		if (Math.abs(add) > WorkingDayCalendar.MAX_WORKING_DAYS) {
			throw new FieldErrorException("add", "工作日数应在 ±" + WorkingDayCalendar.MAX_WORKING_DAYS + " 以内");
		}
		WorkingDayResult result = this.workingDays.add(from, add);
		return new WorkingDayAnswer(result.date(), List.copyOf(result.yearsWithoutSchedule()),
				(result.warning() != null) ? List.of(result.warning()) : List.of());
	}

	record CreditCodeAnswer(boolean valid, String reason, String registrationRegion, String entityCategory,
			String registrationRegionName) {
	}

	record SizeQuestion(Industry industry, Integer employees, BigDecimal revenueWan, BigDecimal totalAssetsWan) {
	}

	record SizeAnswer(EnterpriseSize size, String label) {
	}

	record WorkingDayAnswer(LocalDate date, List<Integer> yearsWithoutSchedule, List<String> warnings) {
	}

}
