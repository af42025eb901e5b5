package ai.kubernaut.engine.nativecatalog;

/**
 * One native workflow file, as it is registered.
 *
 * @param file the file name, for messages
 * @param name {@code metadata.name}, the catalog's workflow name
 * @param version {@code spec.version}
 * @param actionType {@code spec.actionType}
 * @param content the file's text, registered unchanged
 */
record NativeWorkflow(String file, String name, String version, String actionType, String content) {

	String label() {
		return this.name + " " + this.version;
	}

}
