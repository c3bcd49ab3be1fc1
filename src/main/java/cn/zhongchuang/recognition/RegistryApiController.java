package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public registry of recognized institutions, for anyone. */
@RestController
@Tag(name = "registry", description = "认定名录")
class RegistryApiController {

	private final Recognitions recognitions;

	RegistryApiController(Recognitions recognitions) {
		this.recognitions = recognitions;
	}

	@GetMapping("/api/v1/registry")
	@Operation(summary = "Recognized institutions; region includes its descendants; q matches name, "
			+ "operator, number or credit code; status ACTIVE, REVOKED or LAPSED (all when absent); a revoked or "
			+ "lapsed one carries endedOn, announcement and plaqueRemovalOn")
	PageResult<Recognitions.RegistryEntry> search(@RequestParam(required = false) String region,
			@RequestParam(required = false) String level, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.recognitions.registry(region, level, q, status, page, size);
	}

	@GetMapping("/api/v1/registry/announcements")
	@Operation(summary = "The latest revocation and lapse announcements (at most 100), region includes descendants")
	java.util.List<Recognitions.RegistryEntry> announcements(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer limit) {
		return this.recognitions.announcements(region, (limit != null) ? limit : 20);
	}

	@GetMapping("/api/v1/registry/{number}")
	@Operation(summary = "One recognition by its number; 404 when unknown")
	Recognitions.RegistryEntry get(@PathVariable String number) {
		return this.recognitions.byNumber(number)
			.orElseThrow(() -> new NotFoundException("recognition " + number, "没有编号为 " + number + " 的认定"));
	}

}
