/**
 * Uploaded files (materials of an application, photos of events and inspections,
 * rectification evidence) behind one storage interface, in PostgreSQL by default.
 * <p>
 * The module checks what a file is (from its bytes), how big it is and how many an owner
 * has; it does not know applications, regions or operators. The owning module decides who
 * may see or delete an attachment before it calls {@code Attachments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package cn.zhongchuang.attachment;
