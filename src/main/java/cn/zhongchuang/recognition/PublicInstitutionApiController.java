package cn.zhongchuang.recognition;

import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public list of institutions holding a title (institutions.md), for anyone. The
 * facts of one institution ({@code /api/v1/institutions/{id}/facts}) stay signed-in, in
 * the institution module.
 */
@RestController
@Tag(name = "institutions", description = "孵化载体")
class PublicInstitutionApiController {

	private final PublicInstitutions institutions;

	PublicInstitutionApiController(PublicInstitutions institutions) {
		this.institutions = institutions;
	}

	@GetMapping("/api/v1/institutions")
	@Operation(summary = "Institutions holding at least one title; region includes its sub-regions; kind, level and "
			+ "status (level and status of one of its titles); q matches name, operator, credit code or a title "
			+ "number; each with its titles and tenant counts")
	PageResult<PublicInstitutions.Entry> search(@RequestParam(required = false) String region,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String level,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.institutions.search(region, kind, level, status, q, page, size);
	}

	@GetMapping("/api/v1/institutions/{id}")
	@Operation(summary = "One institution holding a title; 404 when unknown or holding none")
	PublicInstitutions.Entry get(@PathVariable long id) {
		return this.institutions.get(id);
	}

}
