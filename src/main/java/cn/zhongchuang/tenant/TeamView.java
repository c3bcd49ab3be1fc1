package cn.zhongchuang.tenant;

import java.util.List;

/**
 * What a team is, kept after it registers a company.
 *
 * @param name the team's name at admission
 * @param leader 负责人
 * @param members the other members
 * @param memberCount people including the leader
 * @param field 领域
 */
record TeamView(String name, String leader, List<String> members, int memberCount, String field) {
}
