package cn.zhongchuang.operator;

/**
 * An organisation as other modules see it: enough to name it, place it and check
 * conflicts of interest.
 *
 * @param id the organisation
 * @param name 机构名称
 * @param creditCode 统一社会信用代码
 * @param regionCode where it is registered (GB/T 2260)
 * @param employerName 依托单位, if any
 */
public record OperatorOrganisation(long id, String name, String creditCode, String regionCode, String employerName) {
}
