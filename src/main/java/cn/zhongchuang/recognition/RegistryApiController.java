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
	@Operation(summary = "Recognized institutions in force; region includes its descendants; q matches name, "
			+ "operator, number or credit code")
	PageResult<Recognitions.RegistryEntry> search(@RequestParam(required = false) String region,
			@RequestParam(required = false) String level, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.recognitions.registry(region, level, q, page, size);
	}

	@GetMapping("/api/v1/registry/{number}")
	@Operation(summary = "One recognition by its number; 404 when unknown")
	Recognitions.RegistryEntry get(@PathVariable String number) {
		return this.recognitions.byNumber(number)
			.orElseThrow(() -> new NotFoundException("recognition " + number, "没有编号为 " + number + " 的认定"));
	}

}
