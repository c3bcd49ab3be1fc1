package cn.zhongchuang.platform;

import java.util.List;

/**
 * A module's kinds of 待办 for the signed-in user, each with its count and the list it
 * links to. Declared as a bean by the module that owns the work; the home page collects
 * every source, so no module knows the web shell and the shell knows no module.
 */
public interface TaskSource {

	/**
	 * The kinds of task this module has for the user, only those the user's role does; a
	 * kind with nothing waiting may be left out or given with count 0 (not shown).
	 */
	List<Task> tasksFor(CurrentUser user);

	/**
	 * One line of 待办.
	 *
	 * @param kind a stable name, used for the element id ({@code home-task-<kind>})
	 * @param order where the line goes (smaller first)
	 * @param messageKey the message of the line, with the count as its argument {0}
	 * @param count how many wait
	 * @param href the list that shows them
	 */
	record Task(String kind, int order, String messageKey, long count, String href) {

		public static Task of(String kind, int order, String messageKey, long count, String href) {
			return new Task(kind, order, messageKey, count, href);
		}

	}

}
