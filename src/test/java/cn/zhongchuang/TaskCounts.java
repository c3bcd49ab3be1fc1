package cn.zhongchuang;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhongchuang.platform.CurrentUser;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reads the counts of the signed-in home page (待办) as the user sees them. */
public final class TaskCounts {

	private TaskCounts() {
	}

	/** The count on the line with the element id, 0 when the line is not shown. */
	public static long on(MockMvc mvc, CurrentUser user, String elementId) throws Exception {
		String html = mvc.perform(get("/").with(user((org.springframework.security.core.userdetails.UserDetails) user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = Pattern
			.compile("id=\"" + Pattern.quote(elementId) + "\"[^>]*>.*?<span class=\"badge[^\"]*\">(\\d+)</span>",
					Pattern.DOTALL)
			.matcher(html);
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

}
