/** placeholder */
package io.auglove.transforms;
