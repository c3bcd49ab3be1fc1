package cn.zhongchuang.audit;

import java.util.List;

import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PublicPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks the HMAC-SM3 seal of a decision, notice or assessment result as stored now.
 * Public for what is public (published notices, published assessment results); a staff
 * record only within the caller's scope; anything else answers 404.
 */
@RestController
@Tag(name = "seals", description = "电子签章校验")
class SealApiController {

	private final List<SealedRecords> kinds;

	SealApiController(List<SealedRecords> kinds) {
		this.kinds = kinds;
	}

	@Bean
	static PublicPaths sealApi() {
		return PublicPaths.pages("/api/v1/seals/*/*");
	}

	@GetMapping("/api/v1/seals/{kind}/{id}")
	@Operation(summary = "Verify a record's seal: kind application-decision, notice or assessment-result")
	SealJson check(@PathVariable String kind, @PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		SealedRecords records = this.kinds.stream()
			.filter((k) -> k.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("seal kind " + kind, "没有这种签章记录"));
		SealCheck check = records.check(id, user).orElseThrow(() -> new NotFoundException(kind + " " + id));
		return new SealJson(kind, id, check.json());
	}

	/** A record's kind and id with the check of its seal. */
	record SealJson(String kind, long id, SealCheck.Json seal) {
	}

}
