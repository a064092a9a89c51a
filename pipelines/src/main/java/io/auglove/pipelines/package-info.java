/** placeholder */
package io.auglove.pipelines;
