package cn.zhongchuang.mentor;

import cn.zhongchuang.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/mentors}. */
@RestController
@Tag(name = "mentors", description = "创业导师名录")
class MentorApiController {

	private final Mentors mentors;

	MentorApiController(Mentors mentors) {
		this.mentors = mentors;
	}

	@GetMapping("/api/v1/mentors")
	@Operation(summary = "Certified mentors (in force first, then revoked and lapsed ones with their status); "
			+ "q matches name or field, field the field exactly; page from 1, size 1-100 (default 20); "
			+ "invalid values answer 400 naming the parameter. Never an ID number or phone.")
	PageResult<Mentors.RegistryEntry> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String field, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		return this.mentors.registry(q, field, page, size);
	}

}
