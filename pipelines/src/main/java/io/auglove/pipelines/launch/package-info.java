/** What the pipelines' entry points share. */
package io.auglove.pipelines.launch;
